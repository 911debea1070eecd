import type { Connection } from 'mongoose';
import { foldStatus, type StreamFold } from '@yrd/audit-domain';

/**
 * The rebuild's output: every stream's state as folded from the log, written to a database of the
 * run's own (never the services'), where an auditor can inspect it. Dropped after the run unless
 * kept.
 */
export class ScratchDatabase {
  private readonly db: Connection;

  constructor(connection: Connection, readonly name: string) {
    if (!/^audit_scratch_[A-Za-z0-9_]+$/.test(name)) throw new Error(`scratch database name "${name}" must start with audit_scratch_`);
    this.db = connection.useDb(name, { useCache: false });
  }

  async write(folds: Iterable<[string, StreamFold]>, batch = 1000): Promise<number> {
    const states = this.db.collection('rebuilt_states');
    let docs: Record<string, unknown>[] = [];
    let written = 0;
    const flush = async () => {
      if (docs.length === 0) return;
      await states.insertMany(docs as never[], { ordered: false });
      written += docs.length;
      docs = [];
    };
    for (const [streamId, fold] of folds) {
      if (!fold.aggregate) continue;
      docs.push({ _id: streamId, aggregate: fold.aggregate.kind, version: fold.version, status: foldStatus(fold), state: fold.state });
      if (docs.length >= batch) await flush();
    }
    await flush();
    return written;
  }

  async count(): Promise<number> {
    return this.db.collection('rebuilt_states').countDocuments();
  }

  async drop(): Promise<void> {
    await this.db.dropDatabase();
  }
}
