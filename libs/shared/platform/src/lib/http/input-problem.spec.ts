import { EDGE_LIMITS } from './edge-limits';
import { textProblem } from './edge-text';
import { findInputProblem } from './input-problem';
import { jsonDepthExceeds } from './json-depth';

describe('textProblem', () => {
  it.each([
    ['CJK', '行政处罚决定书'],
    ['astral emoji', 'ok 👍🏽 𠀀'],
    ['combining marks', 'e\u0301\u0323'],
    ['RTL marks', '\u200fعربي\u200e'],
    ['line/paragraph separators', 'a\u2028b\u2029c'],
    ['tab, LF, CR', 'a\tb\nc\r\n'],
    ['quotes and backslashes', 'say "hi" \\ \'x\''],
    ['U+FFFD itself', '\uFFFD'],
  ])('accepts %s', (_what, text) => {
    expect(textProblem(text)).toBeUndefined();
  });

  it.each([
    ['a lone high surrogate', 'a\ud800b', 'a lone surrogate (U+D800) at index 1'],
    ['a lone high surrogate at the end', 'ab\udbff', 'a lone surrogate (U+DBFF) at index 2'],
    ['a lone low surrogate', '\udc00x', 'a lone surrogate (U+DC00) at index 0'],
    ['reversed surrogates', '\udc00\ud800', 'a lone surrogate (U+DC00) at index 0'],
    ['NUL', 'a\u0000', 'a control character (U+0000) at index 1'],
    ['ESC', '\u001b[31m', 'a control character (U+001B) at index 0'],
    ['vertical tab', 'a\u000bb', 'a control character (U+000B) at index 1'],
    ['U+FFFF', 'x\uffff', 'a noncharacter (U+FFFF) at index 1'],
    ['U+FFFE', '\ufffe', 'a noncharacter (U+FFFE) at index 0'],
  ])('refuses %s', (_what, text, why) => {
    expect(textProblem(text)).toBe(`must be well-formed text: ${why}`);
  });
});

describe('jsonDepthExceeds', () => {
  const bytes = (s: string) => Buffer.from(s, 'utf8');
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(jsonDepthExceeds(bytes('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":[{"b":[]}]}'), 3)).toBe(true);
    expect(jsonDepthExceeds(bytes('{"a":"[[[[{{{{\\"[[["}'), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"名":"【【[","b":{}}'), 2)).toBe(false);
  });
  it('decides 3,000 and 1,000,000 levels without recursion', () => {
    expect(jsonDepthExceeds(bytes('['.repeat(3000) + ']'.repeat(3000)), 32)).toBe(true);
    expect(jsonDepthExceeds(bytes('{"a":'.repeat(1_000_000)), 32)).toBe(true);
    expect(jsonDepthExceeds(bytes('[]'.repeat(100_000)), 1)).toBe(false);
  });
});

describe('findInputProblem', () => {
  it('names the first bad string by its JSON path', () => {
    expect(
      findInputProblem(
        { title: 'ok', content: { persons: [{ name: 'a' }, { name: 'b\u0000' }] } },
        EDGE_LIMITS,
      ),
    ).toEqual({
      field: 'content.persons[1].name',
      message:
        'content.persons[1].name must be well-formed text: a control character (U+0000) at index 1',
    });
    expect(findInputProblem({ facts: 'a\ud800b' }, EDGE_LIMITS)?.field).toBe('facts');
    expect(findInputProblem(['x', ['y\uffff']], EDGE_LIMITS)?.field).toBe('[1][0]');
  });

  it('checks property names, quoting odd ones', () => {
    expect(findInputProblem({ 'a b': { 'k\u0001': 1 } }, EDGE_LIMITS)).toEqual({
      field: '["a b"]["k\\u0001"]',
      message:
        'property name of ["a b"]["k\\u0001"] must be well-formed text: a control character (U+0001) at index 1',
    });
  });

  it('passes numbers, booleans, nulls and well-formed text', () => {
    expect(
      findInputProblem({ n: 1, b: true, z: null, s: '证据 🧾\t', a: [1, 'x'] }, EDGE_LIMITS),
    ).toBeUndefined();
  });

  it('enforces string length, array length, member count and depth, naming the field', () => {
    const limits = { maxDepth: 3, maxStringLength: 5, maxArrayLength: 2 };
    expect(findInputProblem({ a: 'abcdef' }, limits)?.message).toBe(
      'a must be at most 5 characters long (got 6)',
    );
    expect(findInputProblem({ a: [1, 2, 3] }, limits)?.message).toBe(
      'a must contain at most 2 elements (got 3)',
    );
    expect(findInputProblem({ a: { x: 1, y: 2, z: 3 } }, limits)?.message).toBe(
      'a must have at most 2 members (got 3)',
    );
    expect(findInputProblem({ a: { b: { c: 1 } } }, limits)).toBeUndefined();
    expect(findInputProblem({ a: { b: { c: {} } } }, limits)?.message).toBe(
      'a.b.c nests deeper than 3 levels',
    );
  });

  it('walks a 100,000-deep value without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findInputProblem(deep, EDGE_LIMITS)?.message).toMatch(/nests deeper than 32 levels$/);
  });

  it('prefixes a root name (a path parameter)', () => {
    expect(findInputProblem('a\u0000', EDGE_LIMITS, 'id')?.field).toBe('id');
  });
});
