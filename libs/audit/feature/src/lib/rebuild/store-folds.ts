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
  pending: CommitDocument[];
  findings: AuditFinding[];
  /** The replay filter, applied to the store's events (for streams the log lacks). */
  match: StreamMatch;
}

/**
 * Folds every aggregate stream of the commit stores with the services' `evolve`, verifying each
 * store chain on the way (the store is evidence too). Memory: one fold per stream, plus the rare
 * commit scanned before its predecessor.
 */
export async function foldCommitStores(
  connection: Connection,
  aggregates: readonly AggregateSpec[],
  selector: StreamSelector,
): Promise<Map<string, StoreStream>> {
  const streams = new Map<string, StoreStream>();
  const collections = (await collectionNames(connection)).filter((n) => COMMIT_COLLECTION.test(n)).sort();
  for (const name of collections) {
    for await (const commit of new CommitStore(connection, name).scanAll()) {
      const aggregate = aggregateOf(commit.streamId, aggregates);
      if (!aggregate) continue;
      let s = streams.get(commit.streamId);
      if (!s) {
        const match = selector.start(commit.streamId);
        if (!match) continue;
        s = { fold: startFold(aggregate), cursor: startChain(), pending: [], findings: [], match };
        streams.set(commit.streamId, s);
      }
      for (const e of commit.events) selector.observe(s.match, e);
      if (commit.firstVersion === s.cursor.expectedVersion) {
        apply(s, commit);
        drainPending(s);
      } else {
        s.pending.push(commit);
      }
    }
  }
  for (const s of streams.values()) {
    // Whatever is still pending does not continue the stream: verify it as it stands (gaps, duplicates).
    s.pending.sort((a, b) => a.firstVersion - b.firstVersion);
    for (const c of s.pending.splice(0)) apply(s, c);
  }
  return streams;
}

function drainPending(s: StoreStream): void {
  for (;;) {
    const i = s.pending.findIndex((c) => c.firstVersion === s.cursor.expectedVersion);
    if (i < 0) return;
    apply(s, s.pending.splice(i, 1)[0]);
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
