/**
 * Idempotency-Key and store errors over HTTP, on an app started in-process against the real
 * local servers (`bash deploy/local/infra.sh up`): FerretDB holds the keys.
 */
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { getConnectionToken, InjectConnection } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CommitRefused, ConcurrencyConflict } from '@yrd/event-store';
import type { Connection } from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { createHttpApp } from '../http/bootstrap';
import { PlatformModule } from '../platform.module';
import { IdempotencyExpiry } from './idempotency-expiry';
import { IDEMPOTENCY_COLLECTION } from './idempotency.store';
import { Idempotent } from './idempotent.decorator';

jest.setTimeout(60_000);

const env = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092',
  MONGO_URL: `mongodb://127.0.0.1:${process.env['YRD_MONGO_PORT'] ?? '27018'}/yrd_test_${randomBytes(4).toString('hex')}`,
  REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:16379',
};

/** Lets a test hold a request inside its handler and know when it got there. */
class Gate {
  entered!: Promise<void>;
  private enter!: () => void;
  open!: () => void;
  private opened!: Promise<void>;
  constructor() {
    this.entered = new Promise((r) => (this.enter = r));
    this.opened = new Promise((r) => (this.open = r));
  }
  async pass(): Promise<void> {
    this.enter();
    await this.opened;
  }
}
let gate: Gate | undefined;

@Controller('probe')
class ProbeController {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  /** Creates a record per execution, so the test counts executions in the database. */
  @Post('clues')
  @Idempotent()
  async create(@Body() body: { title: string }): Promise<{ clueId: string; title: string }> {
    await gate?.pass();
    const clueId = randomUUID();
    await this.connection.collection('probe_clues').insertOne({ _id: clueId as never, title: body.title });
    return { clueId, title: body.title };
  }

  @Post('lost-race')
  @HttpCode(200)
  lostRace(): never {
    throw new ConcurrencyConflict('bulletin-b1', 3, 7);
  }

  @Post('refused')
  refused(): never {
    throw new CommitRefused('clue-c1', Object.assign(new Error('unsupported Unicode escape sequence'), { code: 1 }));
  }
}

@Module({ imports: [PlatformModule.forService({ service: 'idempotency-it', env })], controllers: [ProbeController] })
class TestAppModule {}

describe('Idempotency-Key and store errors over HTTP (real FerretDB)', () => {
  let app: NestExpressApplication;
  let connection: Connection;

  beforeAll(async () => {
    app = await createHttpApp(TestAppModule, { service: 'idempotency-it', shutdownHooks: false });
    await app.init();
    connection = app.get<Connection>(getConnectionToken());
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await app.close();
  });

  const clues = () => connection.collection('probe_clues');

  it('32 identical POSTs with one key: one clue, 32 identical answers (31 marked replayed)', async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 32 }, () => request(app.getHttpServer()).post('/probe/clues').set('Idempotency-Key', key).send({ title: 'counterfeit fertiliser' })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(32).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(31);
    expect(await clues().countDocuments({ title: 'counterfeit fertiliser' })).toBe(1);
  });

  it('a later retry is answered from the store; the same key with another body is 422; another key runs again', async () => {
    const key = `"${randomUUID()}"`;
    const first = await request(app.getHttpServer()).post('/probe/clues').set('Idempotency-Key', key).send({ title: 'retried' });
    const retry = await request(app.getHttpServer()).post('/probe/clues').set('Idempotency-Key', key).send({ title: 'retried' });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');

    // Same length, other content: what counts is the body itself.
    const other = await request(app.getHttpServer()).post('/probe/clues').set('Idempotency-Key', key).send({ title: 'RETRIED' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const fresh = await request(app.getHttpServer()).post('/probe/clues').set('Idempotency-Key', randomUUID()).send({ title: 'retried' });
    expect(fresh.status).toBe(201);
    expect(fresh.body.clueId).not.toBe(first.body.clueId);
    expect(await clues().countDocuments({ title: 'retried' })).toBe(2);
  });

  it('a malformed key is 400; no key runs every time', async () => {
    const bad = await request(app.getHttpServer()).post('/probe/clues').set('Idempotency-Key', 'with space').send({ title: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_IDEMPOTENCY_KEY');
    await request(app.getHttpServer()).post('/probe/clues').send({ title: 'keyless' }).expect(201);
    await request(app.getHttpServer()).post('/probe/clues').send({ title: 'keyless' }).expect(201);
    expect(await clues().countDocuments({ title: 'keyless' })).toBe(2);
  });

  it('a duplicate while the first is still running (past the wait) is 409 REQUEST_IN_PROGRESS', async () => {
    gate = new Gate();
    const key = randomUUID();
    const first = request(app.getHttpServer()).post('/probe/clues').set('Idempotency-Key', key).send({ title: 'slow' }).then((r) => r);
    await gate.entered;
    const duplicate = await request(app.getHttpServer()).post('/probe/clues').set('Idempotency-Key', key).send({ title: 'slow' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('REQUEST_IN_PROGRESS');
    gate.open();
    expect((await first).status).toBe(201);
    gate = undefined;
  });

  it('old keys are forgotten by the sweep (no TTL on FerretDB)', async () => {
    const key = randomUUID();
    await request(app.getHttpServer()).post('/probe/clues').set('Idempotency-Key', key).send({ title: 'expiring' }).expect(201);
    const before = await connection.collection(IDEMPOTENCY_COLLECTION).countDocuments({});
    expect(before).toBeGreaterThan(0);
    await app.get(IdempotencyExpiry).sweep(new Date(Date.now() + 25 * 60 * 60 * 1000));
    expect(await connection.collection(IDEMPOTENCY_COLLECTION).countDocuments({})).toBe(0);
    await request(app.getHttpServer()).post('/probe/clues').set('Idempotency-Key', key).send({ title: 'expiring' }).expect(201);
    expect(await clues().countDocuments({ title: 'expiring' })).toBe(2);
  });

  it('a race lost past the retry budget is 409 with the current version; data the store refuses is 422', async () => {
    const lost = await request(app.getHttpServer()).post('/probe/lost-race').expect(409);
    expect(lost.body).toMatchObject({ code: 'CONCURRENT_MODIFICATION', currentVersion: 7 });
    const refused = await request(app.getHttpServer()).post('/probe/refused').expect(422);
    expect(refused.body.code).toBe('UNSTORABLE_DATA');
  });

  it('the OpenAPI document names the header on the creating POST', async () => {
    const doc = await request(app.getHttpServer()).get('/docs-json').expect(200);
    const params = doc.body.paths['/probe/clues'].post.parameters as Array<{ name: string; in: string }>;
    expect(params).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
  });
});
