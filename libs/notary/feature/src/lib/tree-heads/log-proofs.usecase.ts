import { Injectable } from '@nestjs/common';
import { MerkleLogService } from '../merkle-log/merkle-log.service';
import { badRequest, unprocessable } from '../notary-errors';

export interface ConsistencyProofView {
  firstSize: number;
  secondSize: number;
  firstRoot: string;
  secondRoot: string;
  proof: string[];
}

/** Proofs about the log as a whole (not one entry): consistency between two sizes. */
@Injectable()
export class LogProofsUseCase {
  constructor(private readonly merkleLog: MerkleLogService) {}

  consistency(firstRaw: unknown, secondRaw?: unknown): ConsistencyProofView {
    const size = this.merkleLog.size;
    const first = toInt(firstRaw, 'first');
    const second = secondRaw === undefined || secondRaw === '' ? size : toInt(secondRaw, 'second');
    if (second > size) throw unprocessable(`second (${second}) is larger than the log (${size} leaves)`);
    if (first > second) throw unprocessable(`first (${first}) is larger than second (${second})`);
    const tree = this.merkleLog.tree;
    return {
      firstSize: first,
      secondSize: second,
      firstRoot: tree.rootHash(first).toString('hex'),
      secondRoot: tree.rootHash(second).toString('hex'),
      proof: tree.consistencyProof(first, second).map((h) => h.toString('hex')),
    };
  }
}

function toInt(value: unknown, name: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw badRequest(`${name} must be a non-negative integer`);
  return n;
}
