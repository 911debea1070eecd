import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

/**
 * The edge's text rule (edge-text.ts) as a JSON Schema pattern: no C0 control but tab, LF and CR,
 * no noncharacter U+FFFE/U+FFFF. (Lone surrogates cannot be written in a pattern portably; JSON
 * Schema tools generate none.)
 */
export const EDGE_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]*$';

/** Formats whose values are never free text (their generators produce no control characters). */
const SAFE_FORMATS = new Set(['date', 'date-time', 'uuid', 'email', 'uri', 'binary', 'byte']);

/**
 * A JavaScript pattern as every JSON Schema tool reads it: `\d` and `\w` are ASCII in JavaScript
 * but Unicode in Python and others (`໒` is a digit there), so they are spelled as ASCII classes.
 */
export function portablePattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[i + 1] as string;
      const ascii = next === 'd' ? '0-9' : next === 'w' ? 'A-Za-z0-9_' : undefined;
      out += ascii === undefined ? c + next : inClass ? ascii : `[${ascii}]`;
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** Keywords whose values are data, not schemas. */
const NOT_SCHEMAS = new Set(['example', 'examples', 'default', 'enum', 'const']);

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** One schema (and everything under it): patterns made portable, free text and map keys bound to the text rule. */
function tighten(schema: Schema): void {
  if (typeof schema['pattern'] === 'string') schema['pattern'] = portablePattern(schema['pattern']);
  else if (schema['type'] === 'string' && schema['enum'] === undefined && !SAFE_FORMATS.has(String(schema['format']))) schema['pattern'] = EDGE_TEXT_PATTERN;
  // Member names pass the same text check as values.
  if (schema['type'] === 'object' && schema['additionalProperties'] !== false && schema['propertyNames'] === undefined) schema['propertyNames'] = { pattern: EDGE_TEXT_PATTERN };
  for (const [key, value] of Object.entries(schema)) {
    if (NOT_SCHEMAS.has(key)) continue;
    if (Array.isArray(value)) value.filter(isObject).forEach(tighten);
    else if (isObject(value)) tighten(value);
  }
}

/**
 * Makes the document say what the edge checks enforce on text (input-guard.ts): every free-text
 * string, path, query and header parameter and every map key must be well-formed text, so a
 * schema-valid request never meets the edge's 400. Run on the finished document.
 */
export function publishEdgeTextRules(document: OpenAPIObject): OpenAPIObject {
  for (const schema of Object.values(document.components?.schemas ?? {})) if (isObject(schema)) tighten(schema);
  for (const item of Object.values(document.paths ?? {})) if (isObject(item)) tighten(item);
  return document;
}
