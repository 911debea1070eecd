import { ArgumentMetadata, HttpException } from '@nestjs/common';
import { IsString } from 'class-validator';
import { chinaDateOf, addCalendarDays } from '@yrd/calendar';
import { IsCalendarDate, Nested } from './dto-decorators';
import { createValidationPipe } from './validation';

class Facts {
  @IsString()
  caseRef!: string;

  @IsCalendarDate({ notBefore: '1949-10-01', notInFuture: true })
  discoveredOn!: string;
}

class Item {
  @IsCalendarDate()
  on!: string;
}

class Suggest {
  @Nested(() => Facts)
  facts!: Facts;

  @Nested(() => Item, { optional: true })
  extra?: Item;

  @Nested(() => Item, { each: true, optional: true })
  items?: Item[];
}

const meta: ArgumentMetadata = { type: 'body', metatype: Suggest };

/** The refusal's messages; a day that is no calendar date is a 400, a real day outside the bounds 422. */
async function refusal(value: unknown): Promise<{ status: number; messages: string[] }> {
  try {
    await createValidationPipe().transform(value, meta);
  } catch (err) {
    expect(err).toBeInstanceOf(HttpException);
    const e = err as HttpException;
    return { status: e.getStatus(), messages: (e.getResponse() as { message: string[] }).message };
  }
  return { status: 200, messages: [] };
}

async function messages(value: unknown): Promise<string[]> {
  const r = await refusal(value);
  if (r.status !== 200) expect(r.status).toBe(400);
  return r.messages;
}

describe('Nested', () => {
  it('requires a required nested object (an empty body is a 400, not a handler crash)', async () => {
    expect(await messages({})).toEqual([
      'facts should not be null or undefined',
      'facts must be an object',
    ]);
    expect(await messages({ facts: 'x' })).toEqual(['facts must be an object', 'nested property facts must be either object or array']);
  });

  it('validates present optional ones and arrays of them, by path', async () => {
    const facts = { caseRef: 'c', discoveredOn: '2020-01-01' };
    expect(await messages({ facts })).toEqual([]);
    expect(await messages({ facts, extra: { on: '2026-02-30' } })).toEqual([
      'extra.on must be a calendar date YYYY-MM-DD',
    ]);
    expect(await messages({ facts, items: [{ on: '2024-02-29' }, 'x'] })).toEqual([
      'each value in items must be an object',
      'each value in nested property items must be either object or array',
    ]);
  });
});

describe('IsCalendarDate', () => {
  const withDate = (discoveredOn: unknown) => messages({ facts: { caseRef: 'c', discoveredOn } });
  const bounded = 'facts.discoveredOn must be a calendar date YYYY-MM-DD (not before 1949-10-01, not in the future)';

  it.each(['2026-02-30', '2025-02-29', '2024-13-01', '2024-1-01', '20240101', 20240101, null])(
    'refuses %p',
    async (value) => {
      expect(await withDate(value)).toEqual([bounded]);
    },
  );

  it('applies the bounds: not before 1949-10-01, not after today in China (a real day: 422, it matches the published format)', async () => {
    const outOfBounds = (discoveredOn: string) => refusal({ facts: { caseRef: 'c', discoveredOn } });
    expect(await outOfBounds('1900-01-01')).toEqual({ status: 422, messages: [bounded] });
    expect(await outOfBounds('1949-09-30')).toEqual({ status: 422, messages: [bounded] });
    expect(await withDate('1949-10-01')).toEqual([]);
    const today = chinaDateOf(new Date());
    expect(await withDate(today)).toEqual([]);
    expect(await outOfBounds(addCalendarDays(today, 1))).toEqual({ status: 422, messages: [bounded] });
    expect(await withDate('2024-02-29')).toEqual([]);
  });
});
