/**
 * Integration test against the real local servers (`bash deploy/local/infra.sh up`):
 * Kafka 127.0.0.1:19092, FerretDB mongodb://127.0.0.1:27018, Redis 127.0.0.1:16379 by default,
 * overridable with KAFKA_BROKERS / YRD_MONGO_PORT / REDIS_URL as in deploy/local/env.sh.
 */
import {
  Body,
  Controller,
  Get,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  Param,
  Post,
  Query,
  Logger as NestLogger,
} from '@nestjs/common';
import { getConnectionToken, InjectConnection } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiProperty } from '@nestjs/swagger';
import {
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Min,
} from 'class-validator';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { connect, createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { CorrelationContext } from './logging/correlation';
import { REDIS } from './connections/tokens';
import { createHttpApp } from './http/bootstrap';
import { ReadsOwnBody } from './http/json-only';
import { PlatformModule } from './platform.module';

jest.setTimeout(60_000);

const UUID_V7 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const dbName = `yrd_test_${randomBytes(4).toString('hex')}`;
const mongoPort = process.env['YRD_MONGO_PORT'] ?? '27018';
const baseEnv = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092',
  MONGO_URL: `mongodb://127.0.0.1:${mongoPort}/${dbName}`,
  REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:16379',
};

/** Collects the JSON log lines the app writes. */
class CaptureStream {
  readonly lines: Record<string, unknown>[] = [];
  write(chunk: string): void {
    for (const line of chunk.split('\n'))
      if (line.trim())
        this.lines.push(JSON.parse(line) as Record<string, unknown>);
  }
}

class EchoDto {
  @ApiProperty({ description: 'A name', example: 'Suzhou bureau' })
  @IsString()
  name!: string;

  @ApiProperty({ minimum: 1, example: 3 })
  @IsInt()
  @Min(1)
  count!: number;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  notes?: string[];
}

class NoteDto {
  @IsString()
  facts!: string;
}

@Controller('probe')
class ProbeController {
  private readonly logger = new NestLogger('Probe');

  constructor(@InjectConnection() private readonly mongo: Connection) {}

  /** Writes what it is given: the edge checks must stop bad text before this. */
  @Post('notes')
  async note(@Body() dto: NoteDto): Promise<{ stored: true }> {
    await this.mongo.collection('probe_notes').insertOne({ facts: dto.facts });
    return { stored: true };
  }

  @Get('search')
  search(@Query('q') q: string): { q: string } {
    return { q };
  }

  @Get('items/:id')
  item(@Param('id') id: string): { id: string } {
    return { id };
  }

  @Post('raw')
  @ReadsOwnBody()
  raw(): { ok: true } {
    return { ok: true };
  }

  @Get('correlation')
  async correlation(): Promise<{ correlationId: string | undefined }> {
    await new Promise((r) => setTimeout(r, 2));
    this.logger.log('inside the handler');
    return { correlationId: CorrelationContext.current() };
  }

  @Post('echo')
  echo(@Body() dto: EchoDto): { name: string; count: number; isDto: boolean } {
    return { name: dto.name, count: dto.count, isDto: dto instanceof EchoDto };
  }
}

/** What the connections looked like when other modules' shutdown hooks ran. */
const observedAtShutdown: Record<string, { redis: string; mongo: number }> = {};

function recorder(name: string) {
  @Injectable()
  class Recorder implements OnApplicationShutdown {
    constructor(
      @Inject(REDIS) private readonly redis: Redis,
      @InjectConnection() private readonly mongo: Connection,
    ) {}
    onApplicationShutdown(): void {
      observedAtShutdown[name] = {
        redis: this.redis.status,
        mongo: this.mongo.readyState,
      };
    }
  }
  return Recorder;
}

@Module({
  controllers: [ProbeController],
  providers: [recorder('featureModule')],
})
class FeatureModule {}

@Global()
@Module({ providers: [recorder('laterGlobalModule')] })
class LaterGlobalModule {}

function appModule(env: Record<string, string>, logStream: CaptureStream) {
  @Module({
    imports: [
      PlatformModule.forService({ service: 'platform-it', env, logStream }),
      FeatureModule,
      LaterGlobalModule,
    ],
  })
  class TestAppModule {}
  return TestAppModule;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Fail fast, with the fix in the message, when the local servers are not running. */
async function expectServersUp(): Promise<void> {
  const targets = [
    ['Kafka', baseEnv.KAFKA_BROKERS.split(',')[0] ?? ''],
    ['MongoDB (FerretDB)', `127.0.0.1:${mongoPort}`],
    ['Redis', new URL(baseEnv.REDIS_URL).host],
  ] as const;
  const down: string[] = [];
  for (const [name, hostPort] of targets) {
    const i = hostPort.lastIndexOf(':');
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect({
        host: hostPort.slice(0, i),
        port: Number(hostPort.slice(i + 1)),
      });
      socket.setTimeout(1_000);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (!ok) down.push(`${name} at ${hostPort}`);
  }
  if (down.length > 0) {
    throw new Error(
      `Local servers not reachable: ${down.join(', ')}. Start them: bash deploy/local/infra.sh up`,
    );
  }
}

function tcpHandles(): number {
  return process
    .getActiveResourcesInfo()
    .filter((r) => r === 'TCPSocketWrap' || r === 'TCPServerWrap').length;
}

describe('PlatformModule against the local servers', () => {
  const logs = new CaptureStream();
  let app: NestExpressApplication;
  let handlesBefore: number;

  beforeAll(async () => {
    await expectServersUp();
    handlesBefore = tcpHandles();
    app = await createHttpApp(appModule(baseEnv, logs), {
      service: 'platform-it',
      title: 'IT',
      shutdownHooks: false,
    });
    await app.init();
  });

  afterAll(async () => {
    // Safety net if a test failed before close().
    if (app) await app.close().catch(() => undefined);
  });

  it('GET /health is 200 with Kafka, MongoDB and Redis up', async () => {
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.kafka).toMatchObject({ status: 'up', brokers: 1 });
    expect(res.body.info.mongodb).toEqual({ status: 'up' });
    expect(res.body.info.redis).toEqual({ status: 'up' });
    expect(res.body.error).toEqual({});
    // The admin connection is reused: a second check is fast.
    const started = Date.now();
    await request(app.getHttpServer()).get('/health').expect(200);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('echoes a valid x-correlation-id and stamps it on every log line of the request', async () => {
    const res = await request(app.getHttpServer())
      .get('/probe/correlation')
      .set('x-correlation-id', 'it-corr:0001')
      .set('authorization', 'Bearer secret-token')
      .expect(200);
    expect(res.headers['x-correlation-id']).toBe('it-corr:0001');
    expect(res.body).toEqual({ correlationId: 'it-corr:0001' });

    const lines = logs.lines.filter(
      (l) => l['correlationId'] === 'it-corr:0001',
    );
    const inside = lines.find((l) => l['msg'] === 'inside the handler');
    const completed = lines.find((l) => l['msg'] === 'request completed');
    expect(inside).toMatchObject({
      level: 'info',
      service: 'platform-it',
      context: 'Probe',
    });
    expect(completed).toBeDefined();
    const req = (completed as { req: { headers: Record<string, string> } }).req;
    expect(req.headers['authorization']).toBe('[Redacted]');
    expect(JSON.stringify(logs.lines)).not.toContain('secret-token');
  });

  it('generates a UUIDv7 when the header is missing or invalid', async () => {
    const missing = await request(app.getHttpServer())
      .get('/probe/correlation')
      .expect(200);
    expect(missing.headers['x-correlation-id']).toMatch(UUID_V7);
    expect(missing.body.correlationId).toBe(
      missing.headers['x-correlation-id'],
    );

    const invalid = await request(app.getHttpServer())
      .get('/probe/correlation')
      .set('x-correlation-id', 'x'.repeat(129))
      .expect(200);
    expect(invalid.headers['x-correlation-id']).toMatch(UUID_V7);
  });

  it('CorrelationContext.run() gives a consumer the id, on its log lines too', async () => {
    const logger = new NestLogger('Consumer');
    const seen = await CorrelationContext.run('evt-42', async () => {
      await new Promise((r) => setImmediate(r));
      logger.log('handling event');
      return CorrelationContext.current();
    });
    expect(seen).toBe('evt-42');
    expect(logs.lines.find((l) => l['msg'] === 'handling event')).toMatchObject(
      {
        correlationId: 'evt-42',
        context: 'Consumer',
        service: 'platform-it',
      },
    );
    logger.log('outside any context');
    expect(
      logs.lines.find((l) => l['msg'] === 'outside any context'),
    ).not.toHaveProperty('correlationId');
  });

  it('validates bodies: 400 naming the fields, unknown properties rejected, DTO instances', async () => {
    const ok = await request(app.getHttpServer())
      .post('/probe/echo')
      .send({ name: 'a', count: 2 })
      .expect(201);
    expect(ok.body).toEqual({ name: 'a', count: 2, isDto: true });

    const bad = await request(app.getHttpServer())
      .post('/probe/echo')
      .send({ name: 1, count: 0 })
      .expect(400);
    expect(bad.body.message).toEqual([
      'name must be a string',
      'count must not be less than 1',
    ]);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'name',
      'count',
    ]);

    const extra = await request(app.getHttpServer())
      .post('/probe/echo')
      .send({ name: 'a', count: 1, role: 'admin' })
      .expect(400);
    expect(extra.body.message).toEqual(['property role should not exist']);
  });

  it('answers 413 for a JSON body over 1 MB and 400 for malformed JSON', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1_100_000), count: 1 });
    const tooLarge = await request(app.getHttpServer())
      .post('/probe/echo')
      .set('content-type', 'application/json')
      .send(big)
      .expect(413);
    expect(tooLarge.body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
    });
    expect(tooLarge.headers['x-correlation-id']).toMatch(UUID_V7);

    // 1,000,000 characters in 50 strings: under 1 MiB and no string over the 64 KiB limit.
    const justUnder = JSON.stringify({
      name: 'x',
      count: 1,
      notes: Array.from({ length: 50 }, () => 'x'.repeat(20_000)),
    });
    await request(app.getHttpServer())
      .post('/probe/echo')
      .set('content-type', 'application/json')
      .send(justUnder)
      .expect(201);

    const malformed = await request(app.getHttpServer())
      .post('/probe/echo')
      .set('content-type', 'application/json')
      .send('{"name":')
      .expect(400);
    expect(malformed.body).toMatchObject({
      statusCode: 400,
      message: 'Malformed JSON body',
    });
  });

  describe('edge checks (docs/api-limits.md)', () => {
    const notes = () =>
      app.get<Connection>(getConnectionToken()).collection('probe_notes');
    const post = (body: string, type = 'application/json') =>
      request(app.getHttpServer())
        .post('/probe/notes')
        .set('content-type', type)
        .send(body);

    it('stores hostile but well-formed text exactly', async () => {
      const facts =
        '举报：某超市 🧾𠀀 e\u0301 \u200fعربي\u200e a\u2028b\u2029 \t\n\r "q" \\ end';
      await request(app.getHttpServer())
        .post('/probe/notes')
        .send({ facts })
        .expect(201);
      const stored = await notes().findOne({ facts });
      expect(stored?.['facts']).toBe(facts);
    });

    it.each([
      ['a lone surrogate', 'a\\ud800b', 'a lone surrogate (U+D800) at index 1'],
      ['NUL', 'a\\u0000b', 'a control character (U+0000) at index 1'],
      ['a C0 control', '\\u001b[2J', 'a control character (U+001B) at index 0'],
      ['a noncharacter', 'x\\uffff', 'a noncharacter (U+FFFF) at index 1'],
    ])(
      'answers 400 naming the field for %s in the body, and writes nothing',
      async (_what, escaped, why) => {
        const before = await notes().countDocuments();
        const res = await post(`{"facts":"${escaped}"}`).expect(400);
        expect(res.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: [`facts must be well-formed text: ${why}`],
          errors: [
            {
              field: 'facts',
              messages: [`facts must be well-formed text: ${why}`],
            },
          ],
        });
        expect(res.headers['x-correlation-id']).toMatch(UUID_V7);
        expect(await notes().countDocuments()).toBe(before);
      },
    );

    it('names a nested field by its JSON path', async () => {
      const res = await request(app.getHttpServer())
        .post('/probe/echo')
        .send({ name: 'a', count: 1, notes: ['ok', 'b\u0007'] })
        .expect(400);
      expect(res.body.errors).toEqual([
        {
          field: 'notes[1]',
          messages: [
            'notes[1] must be well-formed text: a control character (U+0007) at index 1',
          ],
        },
      ]);
    });

    it('checks query strings and path parameters', async () => {
      const q = await request(app.getHttpServer())
        .get('/probe/search?q=a%00b')
        .expect(400);
      expect(q.body.errors[0].field).toBe('q');
      await request(app.getHttpServer())
        .get('/probe/search?q=%E8%AF%81%F0%9F%A7%BE')
        .expect(200, { q: '证🧾' });
      const param = await request(app.getHttpServer())
        .get('/probe/items/a%01b')
        .expect(400);
      expect(param.body.message).toEqual([
        'id must be well-formed text: a control character (U+0001) at index 1',
      ]);
      await request(app.getHttpServer())
        .get('/probe/items/%E8%AF%81')
        .expect(200, { id: '证' });
    });

    it('answers 400 for JSON nested 3,000 deep, before anything recursive runs', async () => {
      const deep = `{"facts":"x","n":${'['.repeat(3000)}${']'.repeat(3000)}}`;
      const res = await post(deep).expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        message: 'JSON body nests deeper than 32 levels',
      });
      // 32 levels are fine (the body is level 1); unknown `n` is then the DTO's 400.
      const ok = `{"facts":"x","n":${'['.repeat(31)}${']'.repeat(31)}}`;
      const dto = await post(ok).expect(400);
      expect(dto.body.message).toEqual(['property n should not exist']);
    });

    it('answers 413 for a 2 MiB body, 400 for a string over 64 KiB or an array over 1,000', async () => {
      const huge = await post(
        JSON.stringify({ facts: 'x'.repeat(2 * 1024 * 1024) }),
      ).expect(413);
      expect(huge.body).toMatchObject({
        statusCode: 413,
        message: 'Request body exceeds 1mb',
      });
      const long = await post(
        JSON.stringify({ facts: 'x'.repeat(64 * 1024 + 1) }),
      ).expect(400);
      expect(long.body.message).toEqual([
        'facts must be at most 65536 characters long (got 65537)',
      ]);
      const many = await request(app.getHttpServer())
        .post('/probe/echo')
        .send({ name: 'a', count: 1, notes: Array(1001).fill('n') })
        .expect(400);
      expect(many.body.message).toEqual([
        'notes must contain at most 1000 elements (got 1001)',
      ]);
    });

    it('answers 415 for a text or form body on a JSON endpoint, not a 400 for missing fields', async () => {
      const before = await notes().countDocuments();
      const text = await post('facts', 'text/plain').expect(415);
      expect(text.body).toMatchObject({
        statusCode: 415,
        message: 'Content-Type must be application/json (got text/plain)',
      });
      await post('facts=x', 'application/x-www-form-urlencoded').expect(415);
      await post('{"facts":"x"}', 'application/json; charset=utf-16').expect(
        415,
      );
      expect(await notes().countDocuments()).toBe(before);
      // A handler that reads its own body (uploads) takes any type; bodiless requests are fine.
      await request(app.getHttpServer())
        .post('/probe/raw')
        .set('content-type', 'text/plain')
        .send('file bytes')
        .expect(201);
      await request(app.getHttpServer()).post('/probe/raw').expect(201);
    });
  });

  it('serves the OpenAPI document at /docs-json and the UI at /docs', async () => {
    const res = await request(app.getHttpServer())
      .get('/docs-json')
      .expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.info).toMatchObject({ title: 'IT' });
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/health', '/probe/echo']),
    );
    expect(res.body.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(res.body.components.schemas.EchoDto).toMatchObject({
      required: ['name', 'count'],
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        count: { type: 'integer', minimum: 1 },
      },
    });
    const ui = await request(app.getHttpServer()).get('/docs/').expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('answers 503 naming Redis when Redis is unreachable', async () => {
    const port = await closedPort();
    const deadLogs = new CaptureStream();
    const dead = await createHttpApp(
      appModule(
        { ...baseEnv, REDIS_URL: `redis://127.0.0.1:${port}` },
        deadLogs,
      ),
      {
        service: 'platform-it',
        shutdownHooks: false,
      },
    );
    try {
      await dead.init();
      const res = await request(dead.getHttpServer())
        .get('/health')
        .expect(503);
      expect(res.body.status).toBe('error');
      expect(Object.keys(res.body.error)).toEqual(['redis']);
      expect(res.body.error.redis.status).toBe('down');
      expect(res.body.error.redis.message).toMatch(/not connected/);
      expect(res.body.info.kafka.status).toBe('up');
      expect(res.body.info.mongodb.status).toBe('up');
    } finally {
      await dead.close();
    }
    // It stops trying: no reconnect after close (retryStrategy would retry within 2 s).
    const deadRedis = dead.get<Redis>(REDIS);
    const statusAtClose = deadRedis.status;
    expect(['end', 'reconnecting']).toContain(statusAtClose);
    let reconnects = 0;
    deadRedis.on('connecting', () => (reconnects += 1));
    await new Promise((r) => setTimeout(r, 2_500));
    expect(reconnects).toBe(0);
    expect(deadRedis.status).toBe(statusAtClose);
    // Logged once (throttled), not thrown. Outside a request nestjs-pino writes through the first
    // logger created in the process, i.e. the first app's stream here.
    const redisErrors = [...logs.lines, ...deadLogs.lines].filter(
      (l) => l['msg'] === 'Redis connection error (retrying)',
    );
    expect(redisErrors).toHaveLength(1);
    expect(redisErrors[0]).toMatchObject({
      level: 'warn',
      context: 'Redis',
      port: expect.any(Number),
    });
  });

  it('answers 503 naming Kafka when no broker answers, and still closes promptly', async () => {
    const port = await closedPort();
    const dead = await createHttpApp(
      appModule(
        { ...baseEnv, KAFKA_BROKERS: `127.0.0.1:${port}` },
        new CaptureStream(),
      ),
      { service: 'platform-it', shutdownHooks: false },
    );
    try {
      await dead.init();
      const started = Date.now();
      const res = await request(dead.getHttpServer())
        .get('/health')
        .expect(503);
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(Object.keys(res.body.error)).toEqual(['kafka']);
      expect(res.body.error.kafka.status).toBe('down');
      expect(res.body.info.redis.status).toBe('up');
      expect(res.body.info.mongodb.status).toBe('up');
    } finally {
      const closing = Date.now();
      await dead.close();
      // kafkajs's default retry would keep connecting for about a minute; the health admin must not.
      expect(Date.now() - closing).toBeLessThan(3_000);
    }
  });

  it('close() runs the other modules’ hooks first, then closes every connection', async () => {
    const redis = app.get<Redis>(REDIS);
    const mongo = app.get<Connection>(getConnectionToken());
    await mongo.dropDatabase();
    await app.close();

    expect(observedAtShutdown['featureModule']).toEqual({
      redis: 'ready',
      mongo: 1,
    });
    expect(observedAtShutdown['laterGlobalModule']).toEqual({
      redis: 'ready',
      mongo: 1,
    });
    expect(redis.status).toBe('end');
    expect(mongo.readyState).toBe(0);
    // Sockets and servers are gone (Kafka admin, Redis, MongoDB pool, HTTP).
    await new Promise((r) => setTimeout(r, 200));
    expect(tcpHandles()).toBeLessThanOrEqual(handlesBefore);
    expect(
      logs.lines.some(
        (l) => l['msg'] === 'Connections closed (Redis, MongoDB)',
      ),
    ).toBe(true);
  });
});
