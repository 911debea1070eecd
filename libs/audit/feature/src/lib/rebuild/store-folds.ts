import type { Connection } from 'mongoose';
import { aggregateOf, foldEvent, startFold, type AggregateSpec, type AuditFinding, type StreamFold, type StreamMatch, type StreamSelector } from '@yrd/audit-domain';
import { advanceChain, hashEnvelope, startChain, type ChainCursor, type ChainFinding } from '@yrd/event-log';
import { CommitStore, type CommitDocument } from '@yrd/event-store';

/** The services' stores of record: `commits_<service>` (and the plain `commits` of tools and tests). */
export const COMMIT_COLLECTION = /^commits(_[a-z0-9_]+)?$/;

export interface StoreStream {
  fold: StreamFold;
  cursor: ChainCursor;
  /** Commits that arrived before their predecessor (scan order is commit time, not version). */
  outOfOrder: CommitDocument[];
  /** Commits compared with the log (at or below the cut). */
  commits: number;
  /** Commits (or their tails) past the log's cut for this stream: in flight, classified by the replay. */
  beyondCut: CommitDocument[];
  findings: AuditFinding[];
  /** The replay filter, applied to the store's events (for streams the log lacks). */
  match: StreamMatch;
}

/**
 * Folds every stream of the commit stores (aggregates with the services' `evolve`, the rest as
 * versions and hashes), verifying each store chain on the way (the store is evidence too), up to
 * the cut: per stream, the last version the log held at its high watermarks (`cutOf`). Events past
 * it are set aside (`beyondCut`), never compared: they were committed or published after the log
 * was cut. Memory: one fold per stream, plus the rare commit scanned before its predecessor.
 */
export async function foldCommitStores(
  connection: Connection,
  aggregates: readonly AggregateSpec[],
  selector: StreamSelector,
  cutOf: (streamId: string) => number,
): Promise<Map<string, StoreStream>> {
  const streams = new Map<string, StoreStream>();
  const collections = (await collectionNames(connection)).filter((n) => COMMIT_COLLECTION.test(n)).sort();
  for (const name of collections) {
    for await (const commit of new CommitStore(connection, name).scanAll()) {
      let s = streams.get(commit.streamId);
      if (!s) {
        const match = selector.start(commit.streamId);
        if (!match) continue;
        s = { fold: startFold(aggregateOf(commit.streamId, aggregates) ?? null), cursor: startChain(), outOfOrder: [], commits: 0, beyondCut: [], findings: [], match };
        streams.set(commit.streamId, s);
      }
      for (const e of commit.events) selector.observe(s.match, e);
      const cut = cutOf(commit.streamId);
      if (commit.lastVersion > cut) s.beyondCut.push(commit);
      const within = cutAt(commit, cut);
      if (!within) continue;
      s.commits++;
      if (within.firstVersion === s.cursor.expectedVersion) {
        apply(s, within);
        drainOutOfOrder(s);
      } else {
        s.outOfOrder.push(within);
      }
    }
  }
  for (const s of streams.values()) {
    // Whatever is still out of order does not continue the stream: verify it as it stands (gaps, duplicates).
    s.outOfOrder.sort((a, b) => a.firstVersion - b.firstVersion);
    for (const c of s.outOfOrder.splice(0)) apply(s, c);
  }
  return streams;
}

/** The part of a commit at or below the cut (null when it lies wholly past it). */
function cutAt(commit: CommitDocument, cut: number): CommitDocument | null {
  if (commit.lastVersion <= cut) return commit;
  const events = commit.events.filter((e) => e.streamVersion <= cut);
  if (events.length === 0) return null;
  return { ...commit, events, lastVersion: events[events.length - 1].streamVersion };
}

function drainOutOfOrder(s: StoreStream): void {
  for (;;) {
    const i = s.outOfOrder.findIndex((c) => c.firstVersion === s.cursor.expectedVersion);
    if (i < 0) return;
    apply(s, s.outOfOrder.splice(i, 1)[0]);
  }
}

function apply(s: StoreStream, commit: CommitDocument): void {
  for (const event of commit.events) {
    const contentHash = hashEnvelope(event);
    const chain: ChainFinding[] = [];
    const before = s.cursor.lastVersion;
    advanceChain(s.cursor, event, chain, contentHash);
    for (const f of chain) s.findings.push(storeFinding(f, commit._id));
    if (event.streamVersion > before) foldEvent(s.fold, event, contentHash);
  }
}

function storeFinding(f: ChainFinding, commitId: string): AuditFinding {
  const base = { source: 'store' as const, streamId: f.streamId, data: { commit: commitId } };
  switch (f.kind) {
    case 'hash-mismatch':
      return { ...base, kind: 'hash-mismatch', version: f.version, eventId: f.eventId, detail: `commit store: version ${f.version} does not hash to its sealed hash` };
    case 'broken-link':
      return { ...base, kind: 'broken-link', version: f.version, detail: `commit store: version ${f.version} does not link to the previous event` };
    case 'gap':
      return f.actualVersion > f.expectedVersion
        ? { ...base, kind: 'gap', version: f.expectedVersion, detail: `commit store: versions ${f.expectedVersion}..${f.actualVersion - 1} are missing` }
        : { ...base, kind: 'duplicate', version: f.actualVersion, detail: `commit store: version ${f.actualVersion} stored twice` };
    case 'duplicate':
      return { ...base, kind: 'duplicate', version: f.version, detail: `commit store: version ${f.version} stored twice` };
  }
}

/** The collections of the connection's database. */
export async function collectionNames(connection: Connection): Promise<string[]> {
  const db = connection.db;
  if (!db) throw new Error('the MongoDB connection is not open');
  return (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
}
