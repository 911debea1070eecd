import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested, ValidationError } from 'class-validator';
import { describeValidator } from './openapi-from-validators';
import { createValidationPipe, validationExceptionFactory } from './validation';

class Address {
  @IsString()
  city!: string;
}

class CreateThing {
  @IsString()
  title!: string;

  @IsInt()
  @Min(1)
  count!: number;

  @ValidateNested()
  @Type(() => Address)
  address!: Address;
}

const meta: ArgumentMetadata = { type: 'body', metatype: CreateThing };

async function reject(value: unknown): Promise<Record<string, unknown>> {
  try {
    await createValidationPipe().transform(value, meta);
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestException);
    return (err as BadRequestException).getResponse() as Record<
      string,
      unknown
    >;
  }
  throw new Error('expected a 400');
}

describe('global validation pipe', () => {
  it('returns a DTO instance for a valid body', async () => {
    const out = await createValidationPipe().transform(
      { title: 't', count: 2, address: { city: 'Suzhou' } },
      meta,
    );
    expect(out).toBeInstanceOf(CreateThing);
    expect((out as CreateThing).address).toBeInstanceOf(Address);
  });

  it('names each bad field, nested ones by path', async () => {
    const body = await reject({ title: 5, count: 0, address: { city: 7 } });
    expect(body['statusCode']).toBe(400);
    expect(body['message']).toEqual([
      'title must be a string',
      'count must not be less than 1',
      'address.city must be a string',
    ]);
    expect(body['errors']).toEqual([
      { field: 'title', messages: ['title must be a string'] },
      { field: 'count', messages: ['count must not be less than 1'] },
      { field: 'address.city', messages: ['address.city must be a string'] },
    ]);
  });

  it('rejects unknown properties, naming them', async () => {
    const body = await reject({
      title: 't',
      count: 1,
      address: { city: 'x', zip: '1' },
      admin: true,
    });
    expect(body['message']).toEqual([
      'property admin should not exist',
      'property zip should not exist',
    ]);
    expect(body['errors']).toEqual([
      { field: 'admin', messages: ['property admin should not exist'] },
      { field: 'address.zip', messages: ['property zip should not exist'] },
    ]);
  });
});

describe('schema mismatch (400) vs domain refusal of schema-valid data (422)', () => {
  const failure = (constraint: string, value: unknown = '11010519491231002X'): ValidationError =>
    Object.assign(new ValidationError(), { property: 'code', value, constraints: { [constraint]: `code fails ${constraint}` }, children: [] });

  it('answers 422 when only checks the schema cannot express failed', () => {
    describeValidator('isWithCheckCharacter', { schema: { type: 'string', pattern: '^[0-9]{17}[0-9X]$' }, semantic: true });
    const e = validationExceptionFactory([failure('isWithCheckCharacter')]);
    expect(e.getStatus()).toBe(422);
    expect(e.getResponse()).toMatchObject({ statusCode: 422, errors: [{ field: 'code' }] });
    expect(validationExceptionFactory([failure('isWithCheckCharacter', '123')]).getStatus()).toBe(400);
  });

  it('answers 400 when any failed check is in the schema', () => {
    expect(validationExceptionFactory([failure('isWithCheckCharacter'), failure('isInt')]).getStatus()).toBe(400);
  });
});
