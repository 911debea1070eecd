/**
 * Why something past the replay's cut is not a finding. The cut is the log's high watermarks,
 * taken when the run starts; the stores and read models are compared up to what the log holds
 * there, per stream. What lies beyond it is in flight and is checked by the next run.
 */
export type PendingReason =
  /** A commit the relay has not marked published yet (publishing, or left for the sweep). */
  | 'unpublished'
  /** A commit made after the cut was taken. */
  | 'committed-after-cut'
  /** A commit published to the log after the cut (found past the watermarks). */
  | 'published-after-cut'
  /** A read model already showing events past the cut. */
  | 'projection-ahead-of-cut';

export interface PendingItem {
  streamId: string;
  /** The first and last version past the cut. */
  fromVersion: number;
  toVersion: number;
  reason: PendingReason;
  detail: string;
}

export function comparePending(a: PendingItem, b: PendingItem): number {
  return (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0) || a.fromVersion - b.fromVersion || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0);
}
