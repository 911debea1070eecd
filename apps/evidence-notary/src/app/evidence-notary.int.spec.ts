/**
 * The evidence notary against the real local servers (Kafka, FerretDB, Redis via
 * `bash deploy/local/infra.sh up`) and the real `openssl`: its own topic namespace, database
 * and data directory (blobs, TSA chain, tree-head key), so runs never see each other.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { devUser, mintToken } from '@yrd/auth';
import { EventBackbone } from '@yrd/backbone';
import { eventCatalog, type EventEnvelope } from '@yrd/contracts';
import { fixtureKeys, fixtureSigner, verifyStream } from '@yrd/event-log';
import { AggregateRepository } from '@yrd/event-store';
import { verifyConsistency, verifyInclusion, verifyTreeHead } from '@yrd/merkle';
import { CaseDirectory, LEAVES_COLLECTION } from '@yrd/notary-feature';
import { NotaryReceipt, verifyReceipt } from '@yrd/notary-domain';
import { verifyWithOpenssl } from '@yrd/tsa';
import { createHttpApp } from '@yrd/platform';
import { eventually, infraEnv, mongoUrlFor, readTopic, testKafka, uniqueName } from '@yrd/testing';
import { AppModule } from './app.module';
import { HTTP_SERVICE } from './service';

jest.setTimeout(180_000);

const namespace = uniqueName('en');
const database = uniqueName('notary_');
const token = (user: string) => `Bearer ${mintToken(devUser(user), { ttl: '1h', warn: () => undefined })}`;
const QP = token('officer-qp-1');
const WJ = token('officer-wj-1');
const JSH = token('officer-jsh-1');
const AUDITOR = token('auditor-1');
const ADMIN = token('admin-1');
const MAX = 1024 * 1024;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 现场检查笔录\ntrailer\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 9)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const meta = (over: Record<string, unknown> = {}) => ({
  caseId: 'QP-2026-7',
  collectedAt: '2026-01-02T03:00:00.000Z',
  source: { url: 'https://shop.example.com/item/9', device: 'capture-vm-1', method: 'web-capture' },
  ...over,
});

describe('evidence-notary (real Kafka, FerretDB, openssl)', () => {
  const saved = { ...process.env };
  let dataDir: string;
  let app: INestApplication;
  let connection: Connection;
  let http: ReturnType<typeof request>;
  let treeHeadKey: string;
  let caPem: string;
  let tsaPem: string;

  const start = async () => {
    app = await createHttpApp(AppModule, { ...HTTP_SERVICE, shutdownHooks: false });
    await app.init();
    await app.get(EventBackbone).whenConsuming();
    connection = app.get<Connection>(getConnectionToken());
    http = request(app.getHttpServer());
  };
  const notaryEvents = async (): Promise<EventEnvelope[]> =>
    (await readTopic(testKafka(), `${namespace}.notary.events`)).map((m) => JSON.parse(String(m.value)) as EventEnvelope);
  const rawUpload = (body: Buffer, type: string, metadata: object, auth = QP) =>
    http.post('/evidence').set('Authorization', auth).set('Content-Type', type).set('X-Evidence-Metadata', encodeURIComponent(JSON.stringify(metadata))).send(body);
  const blobFiles = async () => readdir(join(dataDir, 'blobs', 'sha256')).catch(() => [] as string[]);
  const leafCount = () => connection.collection(LEAVES_COLLECTION).countDocuments();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'yrd-notary-app-'));
    const infra = infraEnv();
    Object.assign(process.env, {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env['DEBUG_LOG_LEVEL'] ?? 'error',
      KAFKA_TOPIC_NAMESPACE: namespace,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGO_URL: mongoUrlFor(database),
      REDIS_URL: infra.redisUrl,
      NOTARY_DATA_DIR: dataDir,
      NOTARY_MAX_UPLOAD_BYTES: String(MAX),
      NOTARY_TREE_HEAD_INTERVAL_MS: '0',
    });
    delete process.env['AUTH_JWT_SECRET'];
    await start();
    await app.get(CaseDirectory).remember('case:QP-2026-7', '310118');
    const keys = await http.get('/notary/keys').expect(200);
    ({ treeHeadPublicKeyPem: treeHeadKey, caCertificatePem: caPem, tsaCertificatePem: tsaPem } = keys.body);
  });

  afterAll(async () => {
    await connection?.db?.dropDatabase().catch(() => undefined);
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
    process.env = saved;
  });

  let pdfReceipt: NotaryReceipt;
  let pngReceipt: NotaryReceipt;

  it('notarizes a raw upload: receipt verifies offline, and `openssl ts -verify -data <file>` accepts its token', async () => {
    const res = await rawUpload(PDF, 'application/pdf', meta({ fileName: 'inspection.pdf' })).expect(201);
    pdfReceipt = res.body;
    expect(pdfReceipt).toMatchObject({
      format: 'yrd-notary-receipt/v1',
      entry: { kind: 'evidence', sha256: sha(PDF), size: PDF.length },
      metadata: { caseId: 'QP-2026-7', collectedBy: { userId: 'officer-qp-1', bureau: '310118' }, mediaType: 'application/pdf', fileName: 'inspection.pdf' },
      leafIndex: 0,
      treeHead: { treeSize: 1 },
    });
    expect(verifyReceipt(pdfReceipt, PDF, [treeHeadKey])).toMatchObject({ ok: true, leafIndex: 0 });
    const file = join(dataDir, 'evidence.pdf');
    await writeFile(file, PDF);
    const openssl = await verifyWithOpenssl({ token: Buffer.from(pdfReceipt.timeStamp.token, 'base64'), dataPath: file, caCertPem: caPem, tsaCertPem: tsaPem });
    expect(openssl.ok).toBe(true);
  });

  it('notarizes a multipart upload with SM3, for a clue the notary learnt from case-intake’s events', async () => {
    const backbone = app.get(EventBackbone);
    const clueId = uniqueName('CL');
    // Written as case-intake writes it: signed with its (fixture) key, published beside the notary's.
    for (const key of fixtureKeys(['case-intake'])) await backbone.keyStore.publish(key);
    const clueRepo = new AggregateRepository(backbone.store, backbone.relay, { initialState: () => 0, evolve: (n: number) => n + 1 }, fixtureSigner('case-intake'));
    await clueRepo.create(
      `clue-${clueId}`,
      () => ({
        ok: true,
        value: [
          {
            type: 'clue.submitted',
            data: {
              clueId,
              discoveringBureau: '310118',
              subject: { name: 'Some shop' },
              allegedViolation: 'false advertising',
              facts: 'seen online',
              place: { divisionCode: '310118', address: 'Qingpu' },
              evidenceRefs: [],
              urgency: 'normal',
              discoveredOn: '2026-01-01',
              submittedAt: '2026-01-01T00:00:00.000Z',
            },
          },
        ],
      }),
      backbone.metadata({ userId: 'officer-qp-1', bureau: '310118', role: 'officer' }),
    );
    const res = await eventually(async () =>
      http
        .post('/evidence')
        .set('Authorization', QP)
        .field('metadata', JSON.stringify({ clueId, source: { method: 'mobile-capture', device: 'phone-7' } }))
        .field('sm3', 'true')
        .attach('file', PNG, { filename: '现场照片.png', contentType: 'image/png' })
        .expect(201),
    );
    pngReceipt = res.body;
    expect(pngReceipt.entry).toMatchObject({ sha256: sha(PNG), sm3: createHash('sm3').update(PNG).digest('hex') });
    expect(pngReceipt.metadata).toMatchObject({ clueId, mediaType: 'image/png', fileName: '现场照片.png' });
    expect(pngReceipt.leafIndex).toBe(1);
    expect(verifyReceipt(pngReceipt, PNG, [treeHeadKey]).ok).toBe(true);
  });

  it("lists a clue's evidence to its bureau and to bureaus it was shared with, nobody else", async () => {
    const clueId = (pngReceipt.metadata as { clueId: string }).clueId;
    const entryId = pngReceipt.entry.entryId as string;
    const own = await http.get(`/evidence?clueId=${clueId}`).set('Authorization', QP).expect(200);
    expect(own.body).toEqual([
      expect.objectContaining({ entryId, sha256: sha(PNG), size: PNG.length, mediaType: 'image/png', fileName: '现场照片.png', ownerBureau: '310118' }),
    ]);
    expect((await http.get(`/evidence?clueId=${clueId}`).set('Authorization', WJ).expect(200)).body).toEqual([]);
    await http.post(`/evidence/${entryId}/shares`).set('Authorization', QP).send({ toBureau: '320509' }).expect(201);
    expect((await http.get(`/evidence?clueId=${clueId}`).set('Authorization', WJ).expect(200)).body.map((i: { entryId: string }) => i.entryId)).toEqual([entryId]);
    await http.get('/evidence').set('Authorization', QP).expect(400);
    await http.get('/evidence?clueId=bad%20id!').set('Authorization', QP).expect(400);
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const [blobsBefore, leavesBefore] = [await blobFiles(), await leafCount()];
    const cases: Array<[request.Test, number, string]> = [
      [rawUpload(Buffer.alloc(0), 'application/pdf', meta()), 400, 'empty-upload'],
      [rawUpload(Buffer.alloc(MAX + 1, 1), 'application/octet-stream', meta()), 413, 'too-large'],
      [rawUpload(PDF, 'application/pdf', meta({ caseId: 'NOPE-1' })), 422, 'unknown-case'],
      [rawUpload(PDF, 'image/jpeg', meta()), 422, 'media-type-mismatch'],
      [rawUpload(PDF, 'application/pdf', { caseId: 'QP-2026-7', source: { method: 'telepathy' } }), 422, 'invalid'],
      [http.post('/evidence').set('Authorization', QP).field('metadata', JSON.stringify(meta())), 400, 'invalid'],
    ];
    for (const [req, status, error] of cases) {
      const res = await req;
      expect([res.status, res.body.error]).toEqual([status, error]);
      expect(typeof res.body.message).toBe('string');
    }
    await rawUpload(PDF, 'application/pdf', meta(), AUDITOR).expect(403);
    expect(await blobFiles()).toEqual(blobsBefore);
    expect(await leafCount()).toBe(leavesBefore);
  });

  it('serves the receipt as JSON and as a printable page; downloads and shares are custody events', async () => {
    const id = pdfReceipt.entry.entryId;
    const json = await http.get(`/evidence/${id}/receipt`).set('Authorization', QP).expect(200);
    expect(verifyReceipt(json.body, PDF, [treeHeadKey]).ok).toBe(true);
    const page = await http.get(`/evidence/${id}/receipt.html`).set('Authorization', QP).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('电子保全证书');
    expect(page.text).toContain(sha(PDF));

    await http.get(`/evidence/${id}/content`).set('Authorization', WJ).expect(404);
    await http.post(`/evidence/${id}/shares`).set('Authorization', WJ).send({ toBureau: '330421' }).expect(404);
    await http.post(`/evidence/${id}/shares`).set('Authorization', QP).send({ toBureau: 'x' }).expect(400);
    const shared = await http.post(`/evidence/${id}/shares`).set('Authorization', QP).send({ toBureau: '320509', reason: '协查' }).expect(201);
    expect(shared.body).toEqual({ entryId: id, sharedWith: ['320509'] });
    await http.post(`/evidence/${id}/shares`).set('Authorization', WJ).send({ toBureau: '330421' }).expect(403);
    const download = await http.get(`/evidence/${id}/content`).set('Authorization', WJ).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(download.body).toEqual(PDF);
    expect(download.headers['x-content-sha256']).toBe(sha(PDF));
    await http.get(`/evidence/${id}/content`).set('Authorization', JSH).expect(404);
    await http.get('/evidence/00000000-0000-7000-8000-000000000000/receipt').set('Authorization', QP).expect(404);
    await http.get('/evidence/not-an-id/proof').set('Authorization', QP).expect(404);
  });

  it('verifies a genuine file and explains a tampered one or a proof for the wrong root', async () => {
    const good = await http.post('/evidence/verify').set('Authorization', WJ).field('receipt', JSON.stringify(pdfReceipt)).attach('file', PDF, 'x.pdf').expect(200);
    expect(good.body).toEqual({ ok: true, entryId: pdfReceipt.entry.entryId, checkedSha256: sha(PDF), failures: [], timeStampVerified: true });
    const tampered = Buffer.from(PDF);
    tampered[10] ^= 1;
    const bad = await http.post('/evidence/verify').set('Authorization', WJ).field('receipt', JSON.stringify(pdfReceipt)).attach('file', tampered, 'x.pdf').expect(200);
    expect(bad.body).toMatchObject({ ok: false, timeStampVerified: false, failures: [{ code: 'tampered-file' }] });
    // The proof checked against another root: the signature and the proof both fail.
    const wrongRoot = { ...pngReceipt, treeHead: { ...pngReceipt.treeHead, rootHash: pdfReceipt.treeHead.rootHash } };
    const byHash = await http.post('/evidence/verify').set('Authorization', QP).send({ sha256: sha(PNG), receipt: wrongRoot }).expect(200);
    expect(byHash.body.ok).toBe(false);
    expect(byHash.body.failures.map((f: { code: string }) => f.code)).toContain('wrong-root');
    await http.post('/evidence/verify').set('Authorization', QP).send({ receipt: pdfReceipt }).expect(422);
    // Auditors are read-only, but verifying changes nothing, so they may.
    const byAuditor = await http.post('/evidence/verify').set('Authorization', AUDITOR).send({ sha256: sha(PDF), receipt: pdfReceipt }).expect(200);
    expect(byAuditor.body).toMatchObject({ ok: true, failures: [] });
  });

  it('serves inclusion and consistency proofs and signed tree heads that verify', async () => {
    const head = (await http.get('/notary/tree-head').set('Authorization', QP).expect(200)).body;
    expect(verifyTreeHead(head, [treeHeadKey])).toEqual({ ok: true });
    const proof = (await http.get(`/evidence/${pngReceipt.entry.entryId}/proof`).set('Authorization', QP).expect(200)).body;
    expect(verifyInclusion({ leafIndex: proof.leafIndex, treeSize: proof.treeSize, leafHash: proof.leafHash, proof: proof.proof, rootHash: head.rootHash })).toEqual({ ok: true });
    await http.get(`/evidence/${pngReceipt.entry.entryId}/proof?treeSize=99`).set('Authorization', QP).expect(422);
    const c = (await http.get('/notary/proofs/consistency?first=1&second=2').set('Authorization', QP).expect(200)).body;
    expect(c.firstRoot).toBe(pdfReceipt.treeHead.rootHash);
    expect(verifyConsistency(c)).toEqual({ ok: true });
    await http.get('/notary/proofs/consistency?first=3&second=2').set('Authorization', QP).expect(422);
    await http.get('/notary/proofs/consistency?first=x').set('Authorization', QP).expect(400);
  });

  it('auditors change no log: signing a tree head or appending a checkpoint is refused (403), an admin may', async () => {
    const body = { rootHash: sha(Buffer.from('events 0..9')), source: 'audit', scope: `${namespace}.referral.events`, fromPosition: '0', toPosition: '9', eventCount: 10 };
    const size = (await http.get('/notary/tree-head').set('Authorization', AUDITOR).expect(200)).body.treeSize;
    await http.post('/notary/tree-head').set('Authorization', AUDITOR).expect(403);
    await http.post('/notary/checkpoints').set('Authorization', AUDITOR).send(body).expect(403);
    await http.post('/notary/tree-head').set('Authorization', QP).expect(403);
    expect((await http.get('/notary/tree-head').set('Authorization', AUDITOR).expect(200)).body.treeSize).toBe(size);
    const signed = (await http.post('/notary/tree-head').set('Authorization', ADMIN).expect(201)).body;
    expect(verifyTreeHead(signed, [treeHeadKey])).toEqual({ ok: true });
  });

  it('notarizes an audit checkpoint like any entry (the admin identity of the audit service only)', async () => {
    const body = { rootHash: sha(Buffer.from('events 0..99')), source: 'audit', scope: `${namespace}.referral.events`, fromPosition: '0', toPosition: '99', eventCount: 100 };
    await http.post('/notary/checkpoints').set('Authorization', QP).send(body).expect(403);
    await http.post('/notary/checkpoints').set('Authorization', ADMIN).send({ ...body, rootHash: 'xyz' }).expect(400);
    const res = await http.post('/notary/checkpoints').set('Authorization', ADMIN).send(body).expect(201);
    expect(res.body).toMatchObject({ entry: { kind: 'checkpoint', sha256: body.rootHash }, leafIndex: 2, metadata: { requestedBy: { userId: 'admin-1' } } });
    expect(verifyReceipt(res.body, { sha256: body.rootHash }, [treeHeadKey]).ok).toBe(true);
    await http.get(`/notary/checkpoints/${res.body.entry.entryId}/receipt`).set('Authorization', AUDITOR).expect(200);
    await http.get(`/evidence/${res.body.entry.entryId}/receipt`).set('Authorization', QP).expect(404);
  });

  it('publishes the chain of custody on the notary topic, valid and hash-chained', async () => {
    const catalog = eventCatalog;
    const events = await eventually(async () => {
      const all = await notaryEvents();
      expect(all.filter((e) => e.type === 'evidence.verified')).toHaveLength(4);
      return all;
    });
    for (const e of events) expect(catalog.checkPayload(e.type, e.schemaVersion, e.payload)).toMatchObject({ ok: true });
    const pdfStream = events.filter((e) => e.streamId === `evidence-${pdfReceipt.entry.entryId}`).sort((a, b) => a.streamVersion - b.streamVersion);
    expect(pdfStream.map((e) => e.type)).toEqual(['evidence.notarized', 'evidence.shared', 'evidence.verified', 'evidence.verified', 'evidence.verified']);
    expect(verifyStream(pdfStream)).toEqual([]);
    // Each read is recorded on a custody stream of its own: a one-event hash chain.
    const reads = events.filter((e) => e.streamId.startsWith(`evidence-custody-${pdfReceipt.entry.entryId}-`));
    expect(reads.map((e) => e.type).sort()).toEqual(['evidence.accessed', 'evidence.accessed', 'evidence.downloaded']);
    for (const read of reads) expect(verifyStream([read])).toEqual([]);
    expect(events.some((e) => e.type === 'notary.tree-head-signed')).toBe(true);
    expect(events.some((e) => e.type === 'notary.checkpoint-notarized')).toBe(true);
  });

  it('32 simultaneous reads of one entry by its owner: 32 × 200, each recorded once in the chain of custody', async () => {
    const id = pngReceipt.entry.entryId;
    const store = app.get(EventBackbone).store;
    const before = (await store.readStreamsStartingWith(`evidence-custody-${id}-`)).length;
    const answers = await Promise.all(Array.from({ length: 32 }, (_, i) => http.get(`/evidence/${id}/${i % 2 === 0 ? 'receipt' : 'proof'}`).set('Authorization', QP)));
    expect(answers.map((a) => a.status)).toEqual(Array(32).fill(200));
    const reads = await store.readStreamsStartingWith(`evidence-custody-${id}-`);
    expect(reads.filter((e) => e.type === 'evidence.accessed')).toHaveLength(before + 32);
    expect(new Set(reads.map((e) => e.streamId)).size).toBe(reads.length);
    expect((await store.readStream(`evidence-${id}`)).some((e) => e.type === 'evidence.accessed')).toBe(false);
  });

  it('recovers the log after a restart: same root, appends continue, old heads stay consistent', async () => {
    const before = (await http.get('/notary/tree-head').set('Authorization', QP).expect(200)).body;
    await app.close();
    await start();
    const after = (await http.get('/notary/tree-head').set('Authorization', QP).expect(200)).body;
    expect(after).toMatchObject({ treeSize: before.treeSize, rootHash: before.rootHash });
    const next = (await rawUpload(Buffer.from('plain text evidence\n'), 'text/plain', meta()).expect(201)).body;
    expect(next.leafIndex).toBe(before.treeSize);
    const c = (await http.get(`/notary/proofs/consistency?first=${before.treeSize}`).set('Authorization', QP).expect(200)).body;
    expect(verifyConsistency({ ...c, firstRoot: before.rootHash })).toEqual({ ok: true });
    expect(verifyReceipt((await http.get(`/evidence/${pdfReceipt.entry.entryId}/receipt`).set('Authorization', QP).expect(200)).body, PDF, [treeHeadKey]).ok).toBe(true);
  });
});
