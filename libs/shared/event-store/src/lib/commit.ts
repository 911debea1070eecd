import type { EventEnvelope } from '@yrd/contracts';

/**
 * One accepted command: the events it produced, stored as one document whose `_id` is
 * `<streamId>:<first version>`. Insert-only: `_id` uniqueness is what keeps two writers from both
 * appending version n, on FerretDB v1 and MongoDB alike. The same document is the outbox: the
 * relay publishes it and sets `published`.
 */
export interface CommitDocument {
  _id: string;
  streamId: string;
  firstVersion: number;
  lastVersion: number;
  events: EventEnvelope[];
  committedAt: Date;
  published: boolean;
}

export function commitId(streamId: string, firstVersion: number): string {
  return `${streamId}:${firstVersion}`;
}

export function toCommit(events: readonly EventEnvelope[], committedAt: Date): CommitDocument {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) throw new Error('a commit holds at least one event');
  if (events.some((e) => e.streamId !== first.streamId)) throw new Error('a commit holds events of one stream');
  return {
    _id: commitId(first.streamId, first.streamVersion),
    streamId: first.streamId,
    firstVersion: first.streamVersion,
    lastVersion: last.streamVersion,
    events: [...events],
    committedAt,
    published: false,
  };
}
