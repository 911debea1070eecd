import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** RFC 8785 canonical JSON: the one byte form of a JSON value that hashes and signatures cover. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no JSON form');
  return text;
}
