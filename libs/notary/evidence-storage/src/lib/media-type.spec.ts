import { checkDeclaredMediaType, sniffMediaType } from './media-type';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMediaType', () => {
  it.each([
    ['application/pdf', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3')],
    ['image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF')],
    ['image/gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['image/webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['video/mp4', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0])],
    ['video/quicktime', bytes([0, 0, 0, 0x14], 'ftypqt  ')],
    ['application/zip', bytes('PK', [3, 4, 20, 0])],
    ['text/html', Buffer.from('\uFEFF  <!DOCTYPE html><html><head><title>网页取证</title>')],
    ['text/plain', Buffer.from('现场检查笔录\r\n当事人：某某公司\n')],
  ])('recognises %s', (type, head) => {
    expect(sniffMediaType(head)).toBe(type);
  });

  it('does not recognise unknown binary', () => {
    expect(sniffMediaType(bytes([0x00, 0x01, 0x02, 0xfe]))).toBeUndefined();
    expect(sniffMediaType(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('checkDeclaredMediaType', () => {
  it('accepts a matching declaration, ignoring case and parameters', () => {
    expect(checkDeclaredMediaType('Application/PDF', 'application/pdf')).toEqual({ ok: true, confirmed: true });
    expect(checkDeclaredMediaType('text/plain; charset=utf-8', 'text/plain')).toEqual({ ok: true, confirmed: true });
  });

  it('accepts ZIP-based office documents and text formats for their containers', () => {
    expect(checkDeclaredMediaType('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip').ok).toBe(true);
    expect(checkDeclaredMediaType('application/json', 'text/plain').ok).toBe(true);
    expect(checkDeclaredMediaType('text/plain', 'text/html').ok).toBe(true);
  });

  it('rejects content that contradicts the declaration, naming both', () => {
    expect(checkDeclaredMediaType('image/png', 'application/pdf')).toEqual({ ok: false, reason: 'content is application/pdf, not the declared image/png' });
    expect(checkDeclaredMediaType('text/html', 'text/plain').ok).toBe(false);
    expect(checkDeclaredMediaType('text/plain', undefined)).toEqual({ ok: false, reason: 'content is binary data, not the declared text/plain' });
    expect(checkDeclaredMediaType('not a type', 'text/plain').ok).toBe(false);
  });

  it('accepts unrecognised binary for other binary types, unconfirmed, and octet-stream for anything', () => {
    expect(checkDeclaredMediaType('audio/mpeg', undefined)).toEqual({ ok: true, confirmed: false });
    expect(checkDeclaredMediaType('application/octet-stream', 'application/pdf')).toEqual({ ok: true, confirmed: false });
  });
});
