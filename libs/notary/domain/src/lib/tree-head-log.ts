import type { DomainEvent } from '@yrd/event-log';
import type { SignedTreeHead } from '@yrd/merkle';
import { NotaryPayload } from './notary.events';

/**
 * The signed tree heads of one UTC day, as a stream `treehead-<yyyymmdd>` (a stream per day
 * keeps each small, since every load folds the whole stream). Guards that heads never shrink.
 */
export type TreeHeadSigned = DomainEvent<'notary.tree-head-signed', NotaryPayload<'notary.tree-head-signed'>>;

export interface TreeHeadLogState {
  last?: { treeSize: number; rootHash: string };
}

export const treeHeadLogAggregate = {
  initialState: (): TreeHeadLogState => ({}),
  evolve: (_state: TreeHeadLogState, event: TreeHeadSigned): TreeHeadLogState => ({ last: { treeSize: event.data.treeSize, rootHash: event.data.rootHash } }),
};

export type TreeHeadDecision = { ok: true; value: TreeHeadSigned[] } | { ok: false; error: { code: 'invalid'; message: string } };

export function recordTreeHead(sth: SignedTreeHead, trigger: 'scheduled' | 'on-demand') {
  return (state: TreeHeadLogState): TreeHeadDecision => {
    const last = state.last;
    if (last && sth.treeSize < last.treeSize) return { ok: false, error: { code: 'invalid', message: `tree head ${sth.treeSize} is smaller than ${last.treeSize}` } };
    if (last && sth.treeSize === last.treeSize && sth.rootHash !== last.rootHash) {
      return { ok: false, error: { code: 'invalid', message: `two different roots for tree size ${sth.treeSize}` } };
    }
    // A scheduled tick over an unchanged tree records nothing new.
    if (last && trigger === 'scheduled' && sth.treeSize === last.treeSize) return { ok: true, value: [] };
    const { treeSize, rootHash, timestamp, keyId, signature } = sth;
    return { ok: true, value: [{ type: 'notary.tree-head-signed', data: { treeSize, rootHash, timestamp, keyId, signature, trigger } }] };
  };
}

export const treeHeadStreamId = (at: Date): string => `treehead-${at.toISOString().slice(0, 10).replace(/-/g, '')}`;
