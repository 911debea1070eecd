import canonicalize from 'canonicalize';
import { foldStatus, type StreamFold } from './aggregates';
import type { AuditFinding } from './finding';

/**
 * Compares a stream as folded from the log with the same stream folded from the service's commit
 * store, and reports the first version where they part (every later version follows from it).
 */
export function diffStreamFolds(streamId: string, log: StreamFold | undefined, store: StreamFold | undefined): AuditFinding[] {
  const logHashes = log?.hashes ?? [];
  const storeHashes = store?.hashes ?? [];
  const n = Math.max(logHashes.length, storeHashes.length);
  const data = {
    logVersion: log?.version ?? 0,
    storeVersion: store?.version ?? 0,
    logStatus: log ? foldStatus(log) : null,
    storeStatus: store ? foldStatus(store) : null,
  };
  for (let i = 0; i < n; i++) {
    const l = logHashes[i];
    const s = storeHashes[i];
    if (l === s) continue;
    const version = i + 1;
    if (l === undefined) {
      return [{ kind: 'missing-in-log', source: 'store', streamId, version, detail: `version ${version} is in the commit store but was not read from the log`, data }];
    }
    if (s === undefined) {
      return [{ kind: 'missing-in-store', source: 'store', streamId, version, detail: `version ${version} is in the log but not in the commit store`, data }];
    }
    return [{ kind: 'event-differs', source: 'store', streamId, version, detail: `version ${version} in the log differs from the commit store (content hash ${l} vs ${s})`, data }];
  }
  if (log?.aggregate && store?.aggregate && canonicalize(log.state) !== canonicalize(store.state)) {
    // Same events, different state: evolve is not deterministic.
    return [{ kind: 'state-differs', source: 'store', streamId, version: n, detail: 'the same events fold to different states', data }];
  }
  return [];
}

/** The fields of a live read model the audit compares. */
export interface ProjectionDoc {
  _id: string;
  version?: unknown;
  status?: unknown;
}

/**
 * Compares a read model document with the state folded from the log: its version (the replay
 * guard) and its status. A document that is behind or ahead starts to differ at the first
 * version one side has and the other has not.
 */
export function diffProjection(streamId: string, fold: StreamFold, doc: ProjectionDoc | null): AuditFinding[] {
  const projection = fold.aggregate?.projection;
  if (!projection) return [];
  const expectedStatus = projection.expectedStatus(fold.state);
  const where = `${projection.collection}/${projection.idOf(streamId)}`;
  if (!doc) {
    if (expectedStatus === null) return [];
    return [{ kind: 'projection-missing', source: 'projection', streamId, version: 1, detail: `${where} does not exist`, data: { collection: projection.collection, expectedStatus, expectedVersion: fold.version } }];
  }
  const actualVersion = typeof doc.version === 'number' ? doc.version : null;
  if (actualVersion !== fold.version) {
    return [{
      kind: 'projection-differs',
      source: 'projection',
      streamId,
      version: Math.min(actualVersion ?? 0, fold.version) + 1,
      detail: `${where} is at version ${String(doc.version)}, the log at ${fold.version}`,
      data: { collection: projection.collection, field: 'version', expected: fold.version, actual: actualVersion },
    }];
  }
  const actualStatus = typeof doc.status === 'string' ? doc.status : null;
  if (actualStatus !== expectedStatus) {
    return [{
      kind: 'projection-differs',
      source: 'projection',
      streamId,
      version: fold.version,
      detail: `${where} shows status "${String(doc.status)}" at version ${fold.version}; the events say "${String(expectedStatus)}"`,
      data: { collection: projection.collection, field: 'status', expected: expectedStatus, actual: actualStatus },
    }];
  }
  return [];
}
