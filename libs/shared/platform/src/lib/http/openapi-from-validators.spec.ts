import { Body, Controller, Get, Module, Post, Query } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApiProperty, ApiPropertyOptional, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested, registerDecorator } from 'class-validator';
import { asciiClasses, closeObjectSchemas, describeValidator, documentValidatorsInOpenApi, isSemanticFailure, publishRoundTripText, ROUND_TRIP_TEXT_PATTERN } from './openapi-from-validators';

const IsCheckDigitCode = (): PropertyDecorator => (target, propertyName) =>
  registerDecorator({ name: 'isCheckDigitCode', target: target.constructor, propertyName: propertyName as string, validator: { validate: () => true } });
describeValidator('isCheckDigitCode', { schema: { type: 'string', pattern: '^[0-9]{6}$' }, semantic: true });

class ItemDto {
  @ApiProperty()
  @IsString()
  @MaxLength(40)
  name!: string;
}

class OrderDto {
  @ApiProperty({ description: 'why' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiProperty({ type: [String] })
  @IsIn(['a', 'b'], { each: true })
  @ArrayMaxSize(2)
  kinds!: string[];

  @ApiProperty({ type: [ItemDto] })
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items!: ItemDto[];

  @ApiProperty()
  @IsCheckDigitCode()
  code!: string;

  @IsString()
  @Matches(/^[a-z]+$/)
  undocumented!: string;

  @IsOptional()
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  notes?: string[];

  @ApiProperty()
  @Matches(/^\d{6}$/)
  region!: string;
}

class ListQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  q?: string;
}

@Controller('orders')
class OrdersController {
  @Post()
  create(@Body() dto: OrderDto): OrderDto {
    return dto;
  }

  @Get()
  list(@Query() q: ListQueryDto): ListQueryDto {
    return q;
  }
}

@Module({ controllers: [OrdersController] })
class OrdersModule {}

describe('the OpenAPI document says what the validators enforce', () => {
  let doc: ReturnType<typeof SwaggerModule.createDocument>;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [OrdersModule] }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    const validated = documentValidatorsInOpenApi();
    doc = publishRoundTripText(closeObjectSchemas(SwaggerModule.createDocument(app, new DocumentBuilder().build()), validated), validated);
    await app.close();
  });

  interface ObjectSchema {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
    additionalProperties?: unknown;
  }
  const schema = (name: string) => doc.components?.schemas?.[name] as ObjectSchema;

  it('copies types, bounds, lengths and patterns', () => {
    const order = schema('OrderDto');
    expect(order.properties['reason']).toMatchObject({ type: 'string', minLength: 1, maxLength: 500, description: 'why' });
    expect(order.properties['limit']).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(order.properties['undocumented']).toMatchObject({ type: 'string', pattern: '^[a-z]+$' });
    expect(order.properties['code']).toMatchObject({ type: 'string', pattern: '^[0-9]{6}$' });
    expect(order.properties['notes']).toMatchObject({ type: 'array', items: { type: 'string', maxLength: 20 } });
  });

  it('puts item constraints in items and keeps DTO item types', () => {
    const order = schema('OrderDto');
    expect(order.properties['kinds']).toMatchObject({ type: 'array', maxItems: 2, items: { type: 'string', enum: ['a', 'b'] } });
    expect(order.properties['items']).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/ItemDto' } });
    expect(schema('ItemDto').properties['name']).toMatchObject({ type: 'string', maxLength: 40 });
  });

  it('marks optional and required properties as the validators treat them, and closes validated objects', () => {
    const order = schema('OrderDto');
    expect(order.required).toEqual(expect.arrayContaining(['reason', 'kinds', 'items', 'code', 'undocumented']));
    expect(order.required).not.toContain('limit');
    expect(order.additionalProperties).toBe(false);
  });

  it('documents query DTO constraints on the parameters', () => {
    const params = doc.paths['/orders']?.get?.parameters as Array<{ name: string; required?: boolean; schema?: unknown }>;
    expect(params.find((p) => p.name === 'limit')).toMatchObject({ required: false, schema: { type: 'integer', minimum: 1 } });
  });

  it('publishes ASCII digit classes, which other regex dialects read as every script\'s digits', () => {
    expect(schema('OrderDto').properties['region']).toMatchObject({ pattern: '^[0-9]{6}$' });
    expect(asciiClasses('^[\\d-]+\\.\\w\\\\d$')).toBe('^[0-9-]+\\.[A-Za-z0-9_]\\\\d$');
  });

  it('says that request text must round-trip, unless a stricter rule already does', () => {
    const order = schema('OrderDto');
    expect(order.properties['reason']).toMatchObject({ pattern: ROUND_TRIP_TEXT_PATTERN });
    expect(order.properties['undocumented']).toMatchObject({ pattern: '^[a-z]+$' });
    expect(order.properties['kinds']).toMatchObject({ items: { enum: ['a', 'b'] } });
    expect((order.properties['kinds']?.['items'] as Record<string, unknown>)['pattern']).toBeUndefined();
    const params = doc.paths['/orders']?.get?.parameters as Array<{ name: string; schema?: unknown }>;
    expect(params.find((p) => p.name === 'q')).toMatchObject({ schema: { type: 'string', pattern: ROUND_TRIP_TEXT_PATTERN } });
    const text = new RegExp(ROUND_TRIP_TEXT_PATTERN);
    expect(['tab\tand\nnewline', '长三角 😀'].every((t) => text.test(t))).toBe(true);
    expect(['nul\u0000', 'esc\u001b', '\uffff'].some((t) => text.test(t))).toBe(false);
  });

  it('knows which failures are semantic (422) rather than a schema mismatch (400)', () => {
    expect(isSemanticFailure('isCheckDigitCode', '123456')).toBe(true);
    expect(isSemanticFailure('isCheckDigitCode', '12345X')).toBe(false);
    expect(isSemanticFailure('isInt', 1.5)).toBe(false);
    expect(isSemanticFailure('isCalendarDate', '1900-01-01')).toBe(true);
    expect(isSemanticFailure('isCalendarDate', '2026-02-30')).toBe(false);
  });
});
