import { BadRequestException } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { UploadRequest } from '@yrd/notary-feature';
import { assertCleanUpload } from './upload-text';

const upload = (fields: Record<string, string>, fileName?: string): UploadRequest => ({
  fields,
  file: Readable.from([]),
  ...(fileName === undefined ? {} : { fileName }),
});

function refusal(u: UploadRequest): { field: string; messages: string[] }[] {
  try {
    assertCleanUpload(u);
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestException);
    return ((e as BadRequestException).getResponse() as { errors: { field: string; messages: string[] }[] }).errors;
  }
  throw new Error('expected a 400');
}

describe('assertCleanUpload', () => {
  it('accepts hostile but well-formed text in fields, JSON metadata and the file name', () => {
    expect(() =>
      assertCleanUpload(upload({ metadata: JSON.stringify({ title: '现场照片 🧾 e\u0301 \u2028', clueId: 'c-1' }), sm3: 'true' }, '现场照片\u200f.png')),
    ).not.toThrow();
  });

  it('names a bad file name, a bad field and a bad string inside the JSON metadata', () => {
    expect(refusal(upload({}, 'a\u0000.png'))[0]?.field).toBe('fileName');
    expect(refusal(upload({ sm3: 'tr\u001bue' }))[0]?.field).toBe('sm3');
    expect(refusal(upload({ metadata: '{"title":"a\\ud800"}' }))).toEqual([
      { field: 'metadata.title', messages: ['metadata.title must be well-formed text: a lone surrogate (U+D800) at index 1'] },
    ]);
    expect(refusal(upload({ metadata: `{"a":${'['.repeat(100)}${']'.repeat(100)}}` }))[0]?.messages[0]).toMatch(/nests deeper than 32 levels$/);
  });
});
