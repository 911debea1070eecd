import type { OpenAPIObject } from '@nestjs/swagger';
import { textProblem } from './edge-text';
import { EDGE_TEXT_PATTERN, portablePattern, publishEdgeTextRules } from './openapi-edge-text';

describe('portablePattern', () => {
  it('spells \\d and \\w as ASCII classes, inside and outside character classes', () => {
    expect(portablePattern('^\\d{17}[\\dX]$')).toBe('^[0-9]{17}[0-9X]$');
    expect(portablePattern('^[\\w.:-]{1,100}$')).toBe('^[A-Za-z0-9_.:-]{1,100}$');
    expect(portablePattern('^a\\.\\w$')).toBe('^a\\.[A-Za-z0-9_]$');
  });

  it('leaves other escapes alone', () => {
    expect(portablePattern('^\\s\\[\\d\\]$')).toBe('^\\s\\[[0-9]\\]$');
  });
});

describe('EDGE_TEXT_PATTERN', () => {
  const pattern = new RegExp(EDGE_TEXT_PATTERN, 'u');
  it.each(['', 'plain', '上海\tfoo\nbar\r', 'emoji 😀'])('accepts what the edge accepts: %j', (text) => {
    expect([pattern.test(text), textProblem(text)]).toEqual([true, undefined]);
  });
  it.each(['\u0000', 'a\u0018b', '\u001f', '\uFFFE'])('refuses what the edge refuses: %j', (text) => {
    expect(pattern.test(text)).toBe(false);
    expect(textProblem(text)).toBeDefined();
  });
});

describe('publishEdgeTextRules', () => {
  it('binds free text, map keys and parameters to the text rule and makes patterns portable', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/x/{id}': {
          get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: {} },
        },
      },
      components: {
        schemas: {
          Dto: {
            type: 'object',
            properties: {
              name: { type: 'string', maxLength: 10, example: { type: 'string' } },
              code: { type: 'string', pattern: '^\\d{6}$' },
              day: { type: 'string', format: 'date' },
              kind: { type: 'string', enum: ['a', 'b'] },
              flags: { type: 'object', additionalProperties: { type: 'boolean' } },
            },
            additionalProperties: false,
          },
        },
      },
    } as unknown as OpenAPIObject;
    const out = publishEdgeTextRules(document) as unknown as {
      paths: Record<string, { get: { parameters: Array<{ schema: Record<string, unknown> }> } }>;
      components: { schemas: { Dto: { properties: Record<string, Record<string, unknown>>; propertyNames?: unknown } } };
    };
    const p = out.components.schemas.Dto.properties;
    expect(p['name']).toEqual({ type: 'string', maxLength: 10, pattern: EDGE_TEXT_PATTERN, example: { type: 'string' } });
    expect(p['code']?.['pattern']).toBe('^[0-9]{6}$');
    expect(p['day']?.['pattern']).toBeUndefined();
    expect(p['kind']?.['pattern']).toBeUndefined();
    expect(p['flags']?.['propertyNames']).toEqual({ pattern: EDGE_TEXT_PATTERN });
    expect(out.components.schemas.Dto.propertyNames).toBeUndefined();
    expect(out.paths['/x/{id}']?.get.parameters[0]?.schema['pattern']).toBe(EDGE_TEXT_PATTERN);
  });
});
