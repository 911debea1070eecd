import { idempotencyRecordId, parseIdempotencyKey, requestFingerprint } from './idempotency-key';

describe('Idempotency-Key values', () => {
  it('accepts an sf-string or a bare token of printable ASCII, refuses the rest', () => {
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey('abc-123')).toBe('abc-123');
    expect(parseIdempotencyKey('')).toBeUndefined();
    expect(parseIdempotencyKey('two words')).toBeUndefined();
    expect(parseIdempotencyKey('键')).toBeUndefined();
    expect(parseIdempotencyKey('x'.repeat(256))).toBeUndefined();
  });

  it('keys one record per principal, method, path and key', () => {
    const id = idempotencyRecordId('320500/officer-1', 'post', '/clues', 'k');
    expect(idempotencyRecordId('320500/officer-1', 'POST', '/clues', 'k')).toBe(id);
    expect(idempotencyRecordId('320500/officer-2', 'POST', '/clues', 'k')).not.toBe(id);
    expect(idempotencyRecordId('320500/officer-1', 'POST', '/bulletins', 'k')).not.toBe(id);
  });

  it('fingerprints a body whatever the order of its keys, and counts uploaded files', () => {
    expect(requestFingerprint({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestFingerprint({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(requestFingerprint({ a: 1 })).not.toBe(requestFingerprint({ a: 2 }));
    expect(requestFingerprint({ a: 1 }, [{ field: 'file', sha256: 'aa' }])).not.toBe(requestFingerprint({ a: 1 }, [{ field: 'file', sha256: 'bb' }]));
  });
});
