import mongoose, { type Connection } from 'mongoose';
import { LogEntry, entryLeafHash } from '@yrd/notary-domain';
import { mongoUrlFor, uniqueName } from '@yrd/testing';
import { LeafRecord } from '../lib/merkle-log/leaf-record';
import { MerkleLogService } from '../lib/merkle-log/merkle-log.service';

jest.setTimeout(120_000);

const record = (n: number, who: string): Omit<LeafRecord, '_id'> => {
  const entry: LogEntry = { v: 1, entryId: `${who}-${n}`, kind: 'checkpoint', sha256: 'ab'.repeat(32), size: 0, metadataSha256: 'cd'.repeat(32), notarizedAt: new Date(n).toISOString() };
  return { leafHash: entryLeafHash(entry), entry, metadata: {} as LeafRecord['metadata'], timeStamp: { token: 'x', serialNumber: '1', genTime: entry.notarizedAt, policy: '1.2' } };
};

describe('MerkleLogService on FerretDB (insert-only leaves, crash recovery, racing appenders)', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await mongoose.createConnection(mongoUrlFor(uniqueName('notary_log_'))).asPromise();
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('two appenders racing on one collection never share an index, and a restart rebuilds the same tree', async () => {
    const a = new MerkleLogService(conn);
    const b = new MerkleLogService(conn);
    await Promise.all([a.onModuleInit(), b.onModuleInit()]);
    const N = 150;
    const [ia, ib] = await Promise.all([
      Promise.all(Array.from({ length: N }, (_, i) => a.append(record(i, 'a')))),
      Promise.all(Array.from({ length: N }, (_, i) => b.append(record(i, 'b')))),
    ]);
    expect(new Set([...ia, ...ib]).size).toBe(2 * N);
    const docs = await conn.collection<LeafRecord>('notary_leaves').find({}).sort({ _id: 1 }).toArray();
    expect(docs.map((d) => d._id)).toEqual(Array.from({ length: 2 * N }, (_, i) => i));
    // Each appender's promise names the index where its own entry landed.
    ia.forEach((index, i) => expect(docs[index].entry.entryId).toBe(`a-${i}`));
    ib.forEach((index, i) => expect(docs[index].entry.entryId).toBe(`b-${i}`));

    const restarted = new MerkleLogService(conn);
    await restarted.onModuleInit();
    expect(restarted.size).toBe(2 * N);
    const latest = Math.max(a.size, b.size);
    expect(latest).toBe(2 * N);
    const full = a.size === 2 * N ? a : b;
    expect(restarted.tree.rootHash().equals(full.tree.rootHash())).toBe(true);
    expect(restarted.leafIndexOf('b-7')).toBe(ib[7]);
    expect((await restarted.record(ia[3]))?.entry.entryId).toBe('a-3');
  });
});
