/**
 * What the edge accepts before any DTO looks at a request (docs/api-limits.md). Checked on the raw
 * body or with iterative walks, so a hostile request is a 4xx and never a stack overflow or a 500.
 */
export interface EdgeLimits {
  /** JSON body size, as body-parser reads it (`1mb` = 1 MiB); larger bodies get 413. */
  bodyLimit: string;
  /** Deepest nesting of objects/arrays (the body itself is level 1). */
  maxDepth: number;
  /** Longest string, in UTF-16 code units (a DTO may say less). */
  maxStringLength: number;
  /** Most elements in one array and most members in one object. */
  maxArrayLength: number;
}

export const EDGE_LIMITS: Readonly<EdgeLimits> = Object.freeze({
  bodyLimit: '1mb',
  maxDepth: 32,
  maxStringLength: 64 * 1024,
  maxArrayLength: 1_000,
});
