/**
 * Dotted paths into an event (`payload.toBureau`, `actor.userId`); a segment ending in `[]` maps
 * over a list (`payload.tasks[].bureau` → every task's bureau). Rules and templates name data
 * this way, so they stay data.
 */
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\[\])?(\.[A-Za-z_][A-Za-z0-9_]*(\[\])?)*$/;

export const isValidPath = (path: string): boolean => PATH.test(path);

/** The value at `path`, `undefined` when absent; a list when the path crosses a `[]`. */
export function readPath(root: unknown, path: string): unknown {
  if (!isValidPath(path)) throw new Error(`invalid path "${path}"`);
  return read(root, path.split('.'));
}

function read(value: unknown, segments: readonly string[]): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  const many = head.endsWith('[]');
  const key = many ? head.slice(0, -2) : head;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const next = (value as Record<string, unknown>)[key];
  if (!many) return read(next, rest);
  if (!Array.isArray(next)) return undefined;
  return next.flatMap((item) => {
    const v = read(item, rest);
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  });
}

/** The strings at `path` (one or many); anything else is dropped. */
export function readStrings(root: unknown, path: string): string[] {
  const v = readPath(root, path);
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string' && x.length > 0);
}
