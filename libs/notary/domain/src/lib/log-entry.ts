import { leafHash } from '@yrd/merkle';
import type { LogEntry } from '@yrd/contracts';
import { canonicalJson } from './hex';

/** The leaf's shape is declared in @yrd/contracts (it travels in the notary's events). */
export { LogEntry } from '@yrd/contracts';

export function leafData(entry: LogEntry): Buffer {
  return Buffer.from(canonicalJson(entry), 'utf8');
}

/** SHA-256(0x00 || canonical JSON of the entry), hex. */
export function entryLeafHash(entry: LogEntry): string {
  return leafHash(leafData(entry)).toString('hex');
}
