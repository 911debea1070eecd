import { createHash } from 'node:crypto';
import { MerkleTree, TreeHeadSigner, verifyTreeHead } from '@yrd/merkle';
import { eventually } from '@yrd/testing';
import type { EventBackbone } from '@yrd/backbone';
import type { Connection } from 'mongoose';
import type { TimeStampAuthority } from '@yrd/tsa';
import type { MerkleLogService } from '../merkle-log/merkle-log.service';
import { parseNotaryConfig } from '../notary.config';
import { TreeHeadService } from './tree-head.service';

describe('TreeHeadService', () => {
  const tree = new MerkleTree();
  const merkleLog = { tree, get size() { return tree.size; } } as unknown as MerkleLogService;
  const inserted: unknown[] = [];
  const connection = {
    collection: () => ({
      find: () => ({ sort: () => ({ limit: () => ({ toArray: async () => [] }) }) }),
      insertOne: async (doc: unknown) => void inserted.push(doc),
    }),
  } as unknown as Connection;
  const recorded: Array<{ streamId: string; events: Array<{ type: string; data: { treeSize: number; trigger: string } }> }> = [];
  const backbone = {
    repository: () => ({
      handle: async (streamId: string, decide: (s: object) => { ok: boolean; value: never[] }) => {
        const d = decide({});
        recorded.push({ streamId, events: d.value });
        return { ok: true, state: {}, events: [], version: 1 };
      },
    }),
    metadata: () => ({}),
  } as unknown as EventBackbone;
  let stamps = 0;
  const tsa = { stamp: async () => ({ token: Buffer.from(`token ${++stamps}`), info: {} }) } as unknown as TimeStampAuthority;
  const signer = TreeHeadSigner.generate();
  const service = new TreeHeadService(connection, merkleLog, backbone, signer, tsa, parseNotaryConfig({ NOTARY_TREE_HEAD_INTERVAL_MS: '20' }));

  afterAll(() => service.onApplicationShutdown());

  it('signs on demand only when the log outgrew the latest head, sharing one signing between callers', async () => {
    tree.append(Buffer.from('a'));
    const [h1, h2] = await Promise.all([service.covering(1), service.covering(1)]);
    expect(h1).toBe(h2);
    expect(stamps).toBe(1);
    expect(verifyTreeHead(h1, [signer.publicKey])).toEqual({ ok: true });
    expect(h1).toMatchObject({ treeSize: 1, rootHash: tree.rootHash().toString('hex'), timeStampToken: Buffer.from('token 1').toString('base64') });
    expect(await service.covering(1)).toBe(h1);
    expect(recorded.at(-1)).toMatchObject({ streamId: expect.stringMatching(/^treehead-\d{8}$/), events: [{ type: 'notary.tree-head-signed', data: { treeSize: 1, trigger: 'on-demand' } }] });
  });

  it('publishes on a schedule when the log grew, and stays quiet when it did not', async () => {
    service.onApplicationBootstrap();
    tree.append(Buffer.from('b'));
    tree.append(createHash('sha256').update('c').digest());
    await eventually(() => expect(service.latest()).toMatchObject({ treeSize: 3 }));
    expect(recorded.at(-1)?.events[0].data).toMatchObject({ treeSize: 3, trigger: 'scheduled' });
    const count = stamps;
    await new Promise((r) => setTimeout(r, 100));
    expect(stamps).toBe(count);
    expect(inserted.length).toBe(stamps);
  });
});
