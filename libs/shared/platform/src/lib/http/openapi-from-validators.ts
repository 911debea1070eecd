import { getMetadataStorage, type ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { OpenAPIObject } from '@nestjs/swagger';

/** Where @nestjs/swagger keeps a DTO's documented properties (its `DECORATORS` constants). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

type Schema = Record<string, unknown>;

/**
 * What a custom validator guarantees, in JSON Schema terms, for the published contract. A check
 * the schema cannot express (a check character, a date relative to today, a registered bureau)
 * is `semantic`: a value that satisfies the declared schema but fails such a check is answered
 * 422 (valid per the contract, refused by the domain), one that does not satisfy it 400.
 */
export interface ValidatorContract {
  schema?: Schema;
  semantic?: boolean;
}

const customContracts = new Map<string, ValidatorContract>();

/** Declares the contract of a custom class-validator decorator by its `name`. */
export function describeValidator(name: string, contract: ValidatorContract): void {
  customContracts.set(name, contract);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` satisfies the few keywords a custom contract declares (type string, pattern, format date). */
function satisfies(value: unknown, schema: Schema): boolean {
  if (schema['type'] === 'string' && typeof value !== 'string') return false;
  if (typeof schema['pattern'] === 'string' && !(typeof value === 'string' && new RegExp(schema['pattern'], 'u').test(value))) return false;
  if (schema['format'] === 'date') {
    const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
    if (!m) return false;
    const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (day.toISOString().slice(0, 10) !== value) return false;
  }
  return true;
}

/** True when `value` failing `constraint` means "valid per the schema, refused by the domain" (422). */
export function isSemanticFailure(constraint: string, value: unknown): boolean {
  const contract = customContracts.get(constraint);
  return contract?.semantic === true && satisfies(value, contract.schema ?? {});
}

// The platform's own calendar-date check (dto-decorators.ts): a real day, bounds the schema cannot say.
describeValidator('isCalendarDate', { schema: { type: 'string', format: 'date' }, semantic: true });

/**
 * JavaScript's `\\d` and `\\w` are ASCII; in other regex dialects (Python's, which schemathesis
 * uses) they match every script's digits. The published pattern spells the ASCII classes out.
 */
export function asciiClasses(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\' && i + 1 < source.length) {
      const next = source[++i];
      if (next === 'd') out += inClass ? '0-9' : '[0-9]';
      else if (next === 'w') out += inClass ? 'A-Za-z0-9_' : '[A-Za-z0-9_]';
      else out += ch + next;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    out += ch;
  }
  return out;
}

type ValidationType = (typeof ValidationTypes)[keyof typeof ValidationTypes];
const CONDITIONAL: ValidationType = 'conditionalValidation';
const IS_DEFINED: ValidationType = 'isDefined';

/** JSON Schema keywords for one built-in class-validator check. */
function builtIn(name: string, constraints: readonly unknown[], current: Schema): Schema {
  const [c0, c1] = constraints;
  switch (name) {
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return current['type'] === 'integer' ? {} : { type: 'number' };
    case 'isString':
      return { type: 'string' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isObject':
      return current['type'] === undefined ? { type: 'object' } : {};
    case 'isArray':
      return current['type'] === undefined && current['isArray'] !== true ? { type: 'array' } : {};
    case 'min':
      return { minimum: c0 };
    case 'max':
      return { maximum: c0 };
    case 'isPositive':
      return { minimum: 0, exclusiveMinimum: true };
    case 'minLength':
      return { minLength: c0 };
    case 'maxLength':
      return { maxLength: c0 };
    case 'length':
      return c1 === undefined ? { minLength: c0 } : { minLength: c0, maxLength: c1 };
    case 'isNotEmpty':
      return current['type'] === 'string' || current['type'] === undefined ? { minLength: Math.max(1, Number(current['minLength'] ?? 0)) } : {};
    case 'matches':
      return { pattern: asciiClasses(c0 instanceof RegExp ? c0.source : String(c0)) };
    case 'isUUID':
      return { format: 'uuid' };
    case 'isIn':
      return { enum: [...(c0 as unknown[])] };
    case 'isEnum':
      return { enum: Object.entries(c0 as object).filter(([k]) => Number.isNaN(Number(k))).map(([, v]) => v as unknown) };
    case 'arrayMinSize':
      return { minItems: c0 };
    case 'arrayMaxSize':
      return { maxItems: c0 };
    case 'arrayNotEmpty':
      return { minItems: 1 };
    case 'arrayUnique':
      return { uniqueItems: true };
    case 'isEmail':
      return { format: 'email' };
    case 'isUrl':
      return { format: 'uri' };
    case 'isIso8601':
    case 'isDateString':
      return current['format'] ? {} : { format: 'date-time' };
    default:
      return {};
  }
}

function contractOf(meta: ValidationMetadata, current: Schema): Schema {
  const name = meta.name ?? meta.type;
  const custom = customContracts.get(name);
  const contract = custom ? { ...(custom.schema ?? {}) } : builtIn(name, meta.constraints ?? [], current);
  if (typeof contract['pattern'] === 'string') contract['pattern'] = asciiClasses(contract['pattern']);
  // A DTO class or an explicit array documented by @ApiProperty keeps its type.
  if (typeof current['type'] === 'function' || (typeof current['type'] === 'string' && contract['type'] === 'array')) delete contract['type'];
  return contract;
}

/** An undocumented property's type, from TypeScript's emitted design type. */
function designType(prototype: object, property: string): Schema {
  const type = Reflect.getMetadata('design:type', prototype, property) as unknown;
  if (type === String) return { type: 'string', required: true };
  if (type === Number) return { type: 'number', required: true };
  if (type === Boolean) return { type: 'boolean', required: true };
  if (type === Array) return { isArray: true, required: true };
  return typeof type === 'function' && type !== Object ? { type, required: true } : { required: true };
}

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);
const PRIMITIVE_CONSTRUCTORS = new Map<unknown, string>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
]);

/** The item type of an array property as @nestjs/swagger keeps it (`{type, isArray}` or `{type: 'array', items}`). */
function primitiveItemType(property: Schema): string | undefined {
  if (property['type'] === 'array') {
    const items = property['items'] as Schema | undefined;
    return typeof items?.['type'] === 'string' && PRIMITIVES.has(items['type']) ? items['type'] : undefined;
  }
  if (property['isArray'] === true) {
    const t = property['type'];
    if (t === String) return 'string';
    if (t === Number) return 'number';
    if (t === Boolean) return 'boolean';
    return typeof t === 'string' && PRIMITIVES.has(t) ? t : undefined;
  }
  return undefined;
}

/** The documented schema of one property, tightened to what its validators enforce. */
function documented(existing: Schema, metas: readonly ValidationMetadata[]): Schema {
  let property: Schema = { ...existing };
  // @ApiProperty keeps `type: String` etc. as constructors; the keywords below need the names.
  const primitive = PRIMITIVE_CONSTRUCTORS.get(property['type']);
  if (primitive && property['isArray'] !== true) property['type'] = primitive;
  const itemConstraints: Schema = {};
  for (const meta of metas) {
    if (meta.type === CONDITIONAL) {
      property['required'] = false;
      continue;
    }
    if (meta.type === IS_DEFINED) {
      property['required'] = true;
      continue;
    }
    if (meta.each) Object.assign(itemConstraints, contractOf(meta, itemConstraints));
    else Object.assign(property, contractOf(meta, property));
  }
  if (property['isArray'] === true && property['type'] === undefined) {
    // An undocumented array (design type Array): its items are what the `each` checks say.
    const { isArray: _isArray, ...rest } = property;
    return { ...rest, type: 'array', items: itemConstraints };
  }
  const itemType = primitiveItemType(property);
  if (itemType && Object.keys(itemConstraints).length > 0) {
    // Item keywords belong in `items`; a DTO class's items are described by its own schema.
    const { isArray: _isArray, items, ...rest } = property;
    property = { ...rest, type: 'array', items: { type: itemType, ...((items as Schema | undefined) ?? {}), ...itemConstraints } };
  }
  return property;
}

/**
 * Makes the OpenAPI document say what the validation pipe enforces: every constraint of every
 * class-validator decorator is copied into the @nestjs/swagger metadata of its DTO (types,
 * bounds, lengths, patterns, enums, required-ness), before the document is built. Idempotent.
 */
export function documentValidatorsInOpenApi(): Set<string> {
  const validated = new Set<string>();
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
  for (const [target, metas] of storage.validationMetadatas) {
    if (typeof target !== 'function') continue;
    validated.add((target as { name: string }).name);
    const prototype = (target as { prototype: object }).prototype;
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const meta of metas) {
      if (!meta.propertyName) continue;
      byProperty.set(meta.propertyName, [...(byProperty.get(meta.propertyName) ?? []), meta]);
    }
    const listed = new Set<string>(Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, prototype) ?? []);
    for (const [property, propertyMetas] of byProperty) {
      const existing = (Reflect.getMetadata(API_MODEL_PROPERTIES, prototype, property) as Schema | undefined) ?? designType(prototype, property);
      Reflect.defineMetadata(API_MODEL_PROPERTIES, documented(existing, propertyMetas), prototype, property);
      listed.add(`:${property}`);
    }
    Reflect.defineMetadata(API_MODEL_PROPERTIES_ARRAY, [...listed], prototype);
  }
  return validated;
}

/**
 * The validation pipe refuses properties it does not know (`forbidNonWhitelisted`): say so in
 * the schema of every validated DTO (the request bodies and queries).
 */
export function closeObjectSchemas(document: OpenAPIObject, validated: ReadonlySet<string>): OpenAPIObject {
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (!validated.has(name)) continue;
    const s = schema as Schema;
    if (s['type'] === 'object' && s['properties'] && s['additionalProperties'] === undefined) s['additionalProperties'] = false;
  }
  return document;
}

/**
 * The edge refuses text that would not round-trip (edge-text.ts): every request string without a
 * stricter rule of its own (pattern, enum, format) says so. Lone surrogates stay unsaid: a
 * code-unit class excluding them would also exclude every astral character, and JSON sent as
 * UTF-8 cannot carry them anyway.
 */
export const ROUND_TRIP_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]*$';

/** Any JSON value whose text (strings and property names) round-trips: what a free-form object holds. */
const ROUND_TRIP_JSON = 'RoundTripJsonValue';
const ROUND_TRIP_JSON_REF = { $ref: `#/components/schemas/${ROUND_TRIP_JSON}` };
const roundTripObject = (): Schema => ({ type: 'object', propertyNames: { pattern: ROUND_TRIP_TEXT_PATTERN }, additionalProperties: ROUND_TRIP_JSON_REF });
const ROUND_TRIP_JSON_SCHEMA: Schema = {
  description: 'Any JSON value; strings and property names must be well-formed text (no control characters but tab, LF, CR)',
  nullable: true,
  anyOf: [
    { type: 'string', pattern: ROUND_TRIP_TEXT_PATTERN },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: ROUND_TRIP_JSON_REF },
    roundTripObject(),
  ],
};

function publishTextRule(schema: unknown): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Schema;
  if (s['type'] === 'string' && s['pattern'] === undefined && s['enum'] === undefined && s['format'] === undefined) s['pattern'] = ROUND_TRIP_TEXT_PATTERN;
  // A free-form object (`type: Object`): its keys and every string inside it are text too.
  if (s['type'] === 'object' && s['properties'] === undefined && (s['additionalProperties'] === undefined || s['additionalProperties'] === true)) Object.assign(s, roundTripObject());
  for (const key of ['properties', 'items', 'additionalProperties', 'allOf', 'anyOf', 'oneOf']) {
    const child = s[key];
    if (key === 'properties' && child && typeof child === 'object') Object.values(child).forEach(publishTextRule);
    else if (Array.isArray(child)) child.forEach(publishTextRule);
    else publishTextRule(child);
  }
}

/** Request strings (validated DTOs, path and query parameters) carry the round-trip rule. */
export function publishRoundTripText(document: OpenAPIObject, validated: ReadonlySet<string>): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, [ROUND_TRIP_JSON]: ROUND_TRIP_JSON_SCHEMA } };
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) if (validated.has(name)) publishTextRule(schema);
  for (const item of Object.values(document.paths ?? {}))
    for (const operation of Object.values(item as Record<string, unknown>)) {
      const parameters = (operation as { parameters?: Array<{ in?: string; schema?: unknown }> } | undefined)?.parameters;
      if (Array.isArray(parameters)) for (const parameter of parameters) if (parameter.in === 'path' || parameter.in === 'query') publishTextRule(parameter.schema);
    }
  return document;
}
