import type { EdgeLimits } from './edge-limits';
import { textProblem } from './edge-text';

/** The first thing wrong with a request value: where (`content.persons[0].name`) and what. */
export interface InputProblem {
  field: string;
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function memberPath(parent: string, key: string): string {
  if (IDENTIFIER.test(key)) return parent ? `${parent}.${key}` : key;
  // JSON.stringify escapes lone surrogates and controls, so the path itself is safe to show.
  return `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Walk a parsed body, query or parameter (iteratively: no recursion to exhaust) and report the
 * first string that is not round-trip-safe text, the first string, array or object over the
 * limits, or nesting deeper than allowed. `root` prefixes the paths (e.g. a parameter's name).
 */
export function findInputProblem(
  value: unknown,
  limits: Pick<EdgeLimits, 'maxDepth' | 'maxStringLength' | 'maxArrayLength'>,
  root = '',
): InputProblem | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: root, depth: 1 },
  ];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop() as (typeof stack)[number];
    const field = path || '(body)';
    if (typeof v === 'string') {
      if (v.length > limits.maxStringLength)
        return {
          field,
          message: `${field} must be at most ${limits.maxStringLength} characters long (got ${v.length})`,
        };
      const problem = textProblem(v);
      if (problem) return { field, message: `${field} ${problem}` };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth > limits.maxDepth)
      return {
        field,
        message: `${field} nests deeper than ${limits.maxDepth} levels`,
      };
    if (Array.isArray(v)) {
      if (v.length > limits.maxArrayLength)
        return {
          field,
          message: `${field} must contain at most ${limits.maxArrayLength} elements (got ${v.length})`,
        };
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ value: v[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > limits.maxArrayLength)
      return {
        field,
        message: `${field} must have at most ${limits.maxArrayLength} members (got ${keys.length})`,
      };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const child = memberPath(path, key);
      const keyProblem = textProblem(key);
      if (keyProblem)
        return {
          field: child,
          message: `property name of ${child} ${keyProblem}`,
        };
      stack.push({
        value: (v as Record<string, unknown>)[key],
        path: child,
        depth: depth + 1,
      });
    }
  }
  return undefined;
}
