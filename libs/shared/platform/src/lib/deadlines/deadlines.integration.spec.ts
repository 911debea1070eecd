/**
 * Nothing waits forever, on the real local servers: a slow request answers 503 with Retry-After,
 * readiness really writes and reads, and the freeze once seen in a benchmark teardown (a stale
 * PostgreSQL backend holds a table lock, a dropped database waits for it, and FerretDB's metadata
 * lock then held every other operation of every database for 16 minutes) is bounded: the drop
 * fails after the database's lock_timeout and the service keeps answering.
 */
import { Controller, Get, Module } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mongo, type Connection } from 'mongoose';
import { spawn, execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Public } from '@yrd/auth';
import { createHttpApp } from '../http/bootstrap';
import { PlatformModule } from '../platform.module';

jest.setTimeout(90_000);

const mongoPort = process.env['YRD_MONGO_PORT'] ?? '27018';
const pgPort = process.env['YRD_PG_PORT'] ?? '15432';
const psql = `${process.env['YRD_PG_BIN'] ?? '/usr/lib/postgresql/15/bin'}/psql`;
const pgArgs = ['-X', '-q', '-At', '-h', '127.0.0.1', '-p', pgPort, '-U', 'postgres', '-d', 'ferretdb'];
const suffix = randomBytes(4).toString('hex');
const serviceDb = `yrd_deadline_${suffix}`;
const doomedDb = `yrd_doomed_${suffix}`;
const DEADLINE_MS = 8_000;

@Controller('probe')
class SlowProbeController {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  @Get('slow')
  @Public()
  async slow(): Promise<{ done: boolean }> {
    await new Promise((r) => setTimeout(r, DEADLINE_MS + 2_000).unref());
    return { done: true };
  }

  @Get('read')
  @Public()
  async read(): Promise<{ found: number }> {
    return { found: await this.connection.collection('things').countDocuments({}) };
  }
}

@Module({
  imports: [
    PlatformModule.forService({
      service: 'deadline-it',
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092',
        MONGO_URL: `mongodb://127.0.0.1:${mongoPort}/${serviceDb}`,
        REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:16379',
        REQUEST_DEADLINE_MS: String(DEADLINE_MS),
      },
      logStream: { write: () => undefined },
    }),
  ],
  controllers: [SlowProbeController],
})
class DeadlineTestModule {}

function sql(query: string): string {
  return execFileSync(psql, [...pgArgs, '-c', query], { encoding: 'utf8' }).trim();
}

/** A PostgreSQL session that takes a lock on `table` and then sits idle inside its transaction. */
function staleBackend(table: string): Promise<ChildProcessWithoutNullStreams> {
  const session = spawn(psql, pgArgs);
  return new Promise((resolve, reject) => {
    let out = '';
    session.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('locked')) resolve(session);
    });
    session.on('error', reject);
    session.stdin.write(`begin; select count(*) from ${table}; select 'locked';\n`);
  });
}

describe('deadlines (real FerretDB, Redis, Kafka)', () => {
  let app: NestExpressApplication;
  let other: mongo.MongoClient;

  beforeAll(async () => {
    app = await createHttpApp(DeadlineTestModule, { service: 'deadline-it', shutdownHooks: false });
    await app.init();
    other = await new mongo.MongoClient(`mongodb://127.0.0.1:${mongoPort}/`).connect();
    await other.db(serviceDb).collection('things').insertOne({ _id: 'one' } as never);
  });

  afterAll(async () => {
    await other.db(serviceDb).dropDatabase();
    await other.db(doomedDb).dropDatabase().catch(() => undefined);
    await other.close();
    await app.close();
  });

  it('answers a request that outlives its deadline with 503 and Retry-After', async () => {
    const res = await request(app.getHttpServer()).get('/probe/slow').expect(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ statusCode: 503, code: 'STORE_UNAVAILABLE' });
  });

  it('is ready only after a real write and read on each store', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body.info).toMatchObject({
      mongodb: { status: 'up', ms: expect.any(Number) },
      redis: { status: 'up', ms: expect.any(Number) },
      kafka: { status: 'up' },
    });
  });

  it('keeps answering while a dropped database waits for a stale backend’s lock', async () => {
    expect(sql("select setting from pg_settings where name = 'lock_timeout'")).not.toBe('0');
    await other.db(doomedDb).collection('big').insertOne({ _id: 1 } as never);
    const table = sql(
      `select format('%I.%I', table_schema, table_name) from information_schema.tables where lower(table_schema) = lower('${doomedDb}') and table_name like 'big%'`,
    );
    expect(table).not.toBe('');
    const stale = await staleBackend(table);
    try {
      const drop = other.db(doomedDb).dropDatabase().then(
        () => 'dropped',
        (e: Error) => e.message,
      );
      // While the drop waits, the service still serves reads and its readiness, within the deadline.
      const [read, ready] = await Promise.all([
        request(app.getHttpServer()).get('/probe/read').timeout(DEADLINE_MS + 3_000),
        request(app.getHttpServer()).get('/health/ready').timeout(DEADLINE_MS + 3_000),
      ]);
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ found: 1 });
      expect([200, 503]).toContain(ready.status);
      // The drop gave up (lock_timeout) instead of holding everything behind it.
      expect(await drop).toMatch(/lock timeout/);
    } finally {
      stale.stdin.end('commit;\n');
      await new Promise((r) => stale.once('close', r));
    }
    await other.db(doomedDb).dropDatabase();
    await request(app.getHttpServer()).get('/probe/read').expect(200);
  });
});
