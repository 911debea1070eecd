import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
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

async function messages(value: unknown): Promise<string[]> {
  try {
    await createValidationPipe().transform(value, meta);
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestException);
    return ((err as BadRequestException).getResponse() as { message: string[] }).message;
  }
  return [];
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

  it('applies the bounds: not before 1949-10-01, not after today in China', async () => {
    expect(await withDate('1900-01-01')).toEqual([bounded]);
    expect(await withDate('1949-09-30')).toEqual([bounded]);
    expect(await withDate('1949-10-01')).toEqual([]);
    const today = chinaDateOf(new Date());
    expect(await withDate(today)).toEqual([]);
    expect(await withDate(addCalendarDays(today, 1))).toEqual([bounded]);
    expect(await withDate('2024-02-29')).toEqual([]);
  });
});
