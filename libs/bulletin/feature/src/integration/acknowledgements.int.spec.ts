/**
 * Bulletin acknowledgements under contention, over HTTP on a service started in-process against
 * the real local servers (`bash deploy/local/infra.sh up`): 32 audience bureaus acknowledging one
 * bulletin at once are all accepted, each recorded once on a stream of its own.
 */
import { Module, type INestApplication } from '@nestjs/common';
import mongoose from 'mongoose';
import request from 'supertest';
import { AuthModule, mintToken } from '@yrd/auth';
import { BackboneModule, EventBackbone } from '@yrd/backbone';
import { bureauRegistry } from '@yrd/bureaus';
import { eventCatalog } from '@yrd/contracts';
import { verifyStream } from '@yrd/event-log';
import { createHttpApp, PlatformModule } from '@yrd/platform';
import { infraEnv, mongoUrlFor, uniqueName } from '@yrd/testing';
import { BulletinModule } from '../lib/bulletin.module';

jest.setTimeout(180_000);

const SECRET = 'bulletin-ack-integration-secret-0123456789abcdef';
const namespace = uniqueName('bk');
const ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'error',
  KAFKA_BROKERS: infraEnv().kafkaBrokers.join(','),
  MONGO_URL: mongoUrlFor(namespace),
  REDIS_URL: infraEnv().redisUrl,
  AUTH_JWT_SECRET: SECRET,
  KAFKA_TOPIC_NAMESPACE: namespace,
};
const SERVICE = 'bulletin-ack-test';
const ISSUER = '310000';
const deskOf = (bureau: string) => ({ Authorization: `Bearer ${mintToken({ sub: `bureau-desk-${bureau}`, role: 'bureau', bureau }, { secret: SECRET, ttl: '1h' })}` });

@Module({
  imports: [
    PlatformModule.forService({ service: SERVICE, defaultPort: 0 }),
    AuthModule.forRoot(),
    BackboneModule.forService({ service: SERVICE, contexts: ['intake'], catalog: eventCatalog }),
    BulletinModule,
  ],
})
class BulletinTestApp {}

describe('bulletin acknowledgements under contention (real servers)', () => {
  let app: INestApplication;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    for (const [k, v] of Object.entries(ENV)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    app = await createHttpApp(BulletinTestApp, { service: SERVICE, shutdownHooks: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    const conn = await mongoose.createConnection(ENV['MONGO_URL']).asPromise();
    await conn.dropDatabase();
    await conn.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('32 bureaus acknowledge one bulletin at once: 32 × 2xx, 32 events on 32 streams, all listed; acknowledging again adds nothing', async () => {
    const proposed = await request(app.getHttpServer())
      .post('/bulletins')
      .set(deskOf(ISSUER))
      .send({
        coIssuers: [],
        content: { kind: 'risk-alert', title: `电动自行车电池风险提示 ${namespace}`, body: '多地发现改装电池起火隐患。', category: 'product-quality', industry: 'e-bikes', relatedDecisions: [], attachments: [], audience: { kind: 'delta' }, persons: [] },
      });
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe('published');
    const bulletinId = proposed.body.bulletinId as string;

    const readers = bureauRegistry.bureaus.map((b) => b.code).filter((c) => c !== ISSUER).slice(0, 32);
    expect(readers).toHaveLength(32);
    const answers = await Promise.all(readers.map((b) => request(app.getHttpServer()).post(`/bulletins/${bulletinId}/acknowledgement`).set(deskOf(b))));
    expect(answers.map((a) => a.status).filter((s) => s < 200 || s >= 300)).toEqual([]);

    const store = app.get(EventBackbone).store;
    const streams = await Promise.all(readers.map((b) => store.readStream(`bulletin-ack-${bulletinId}-${b}`)));
    expect(streams.map((events) => events.map((e) => e.type))).toEqual(readers.map(() => ['bulletin.acknowledged']));
    for (const events of streams) expect(verifyStream(events)).toEqual([]);
    expect((await store.readStream(`bulletin-${bulletinId}`)).map((e) => e.type)).toEqual(['bulletin.proposed', 'bulletin.published']);

    const tracked = await request(app.getHttpServer()).get(`/bulletins/${bulletinId}/acknowledgements`).set(deskOf(ISSUER)).expect(200);
    expect((tracked.body.acknowledged as Array<{ bureau: string }>).map((a) => a.bureau).sort()).toEqual([...readers].sort());

    const again = await request(app.getHttpServer()).post(`/bulletins/${bulletinId}/acknowledgement`).set(deskOf(readers[0]));
    expect(again.status).toBeLessThan(300);
    expect(again.body.events).toEqual([]);
    expect(await store.readStream(`bulletin-ack-${bulletinId}-${readers[0]}`)).toHaveLength(1);
  });
});
