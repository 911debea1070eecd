import type { Connection } from 'mongoose';
import type { AggregateSpec, ProjectionDoc } from '@yrd/audit-domain';
import { collectionNames } from './store-folds';

/**
 * The live read models, read once per collection (FerretDB scans every query anyway), keeping
 * only the compared fields. A collection that does not exist yields null: nothing to compare.
 */
export async function readProjections(connection: Connection, aggregates: readonly AggregateSpec[]): Promise<Map<string, Map<string, ProjectionDoc> | null>> {
  const existing = new Set(await collectionNames(connection));
  const out = new Map<string, Map<string, ProjectionDoc> | null>();
  for (const a of aggregates) {
    const p = a.projection;
    if (!p || out.has(p.collection)) continue;
    if (!existing.has(p.collection)) {
      out.set(p.collection, null);
      continue;
    }
    const docs = new Map<string, ProjectionDoc>();
    const cursor = connection.collection(p.collection).find({}, { projection: { _id: 1, version: 1, status: 1 } }).batchSize(1000);
    for await (const d of cursor) docs.set(String(d['_id']), { _id: String(d['_id']), version: d['version'], status: d['status'] });
    out.set(p.collection, docs);
  }
  return out;
}
