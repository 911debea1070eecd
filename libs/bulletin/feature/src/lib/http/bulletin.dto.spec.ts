import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from '@yrd/platform';
import { CorrectBulletinDto, ProposeBulletinDto, SearchBulletinsDto } from './bulletin.dto';

const content = (o: Record<string, unknown> = {}) => ({
  kind: 'problem',
  title: '通报',
  body: '正文',
  category: 'advertising',
  industry: 'e-commerce',
  relatedDecisions: [],
  attachments: [],
  audience: { kind: 'delta' },
  persons: [],
  ...o,
});

async function messages(metatype: ArgumentMetadata['metatype'], value: unknown, type: ArgumentMetadata['type'] = 'body'): Promise<string[]> {
  try {
    await createValidationPipe().transform(value, { type, metatype });
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestException);
    return ((err as BadRequestException).getResponse() as { message: string[] }).message;
  }
  return [];
}

describe('bulletin DTOs at the edge', () => {
  it('a correction without its content is a 400, not a handler crash', async () => {
    expect(await messages(CorrectBulletinDto, { reason: 'r' })).toEqual(['content should not be null or undefined', 'content must be an object']);
    expect(await messages(CorrectBulletinDto, { reason: 'r', content: content() })).toEqual([]);
  });

  it('a proposal needs its audience as an object, and objects in its arrays', async () => {
    const { audience: _none, ...withoutAudience } = content();
    expect(await messages(ProposeBulletinDto, { coIssuers: [], content: withoutAudience })).toEqual([
      'content.audience should not be null or undefined',
      'content.audience must be an object',
    ]);
    expect(await messages(ProposeBulletinDto, { coIssuers: [], content: content({ persons: ['张三'] }) })).toEqual([
      'each value in content.persons must be an object',
      'each value in nested property content.persons must be either object or array',
    ]);
  });

  it('search dates are calendar dates', async () => {
    expect(await messages(SearchBulletinsDto, { from: '2026-02-30' }, 'query')).toEqual(['from must be a calendar date YYYY-MM-DD']);
    expect(await messages(SearchBulletinsDto, { from: '2024-02-29' }, 'query')).toEqual([]);
  });
});
