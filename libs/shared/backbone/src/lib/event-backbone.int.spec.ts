import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import { eventCatalog, type EventEnvelope } from '@yrd/contracts';
import type { DomainEvent } from '@yrd/event-log';
import { PlatformModule } from '@yrd/platform';
import { eventually, infraEnv, mongoUrlFor, readTopic, testKafka, uniqueName } from '@yrd/testing';
import { BackboneModule } from './backbone.module';
import { EventBackbone } from './event-backbone';

jest.setTimeout(60000);

type Probe = DomainEvent<'backbone.probed', { seq: number }>;
const probes = { initialState: () => 0, evolve: (n: number) => n + 1 };

@Injectable()
class ProbeListener implements OnModuleInit {
  readonly seen: EventEnvelope[] = [];
  constructor(private readonly backbone: EventBackbone) {}
  onModuleInit() {
    this.backbone.consume({ name: 'probe-listener', contexts: ['diagnostics'], handler: async (e) => void this.seen.push(e) });
  }
}

@Module({ providers: [ProbeListener] })
class ListenerModule {}

describe('EventBackbone in a Nest application (real Kafka, FerretDB, Redis)', () => {
  const namespace = uniqueName('bb');
  const database = uniqueName('backbone_nest_');
  let app: INestApplication;

  beforeAll(async () => {
    process.env['KAFKA_TOPIC_NAMESPACE'] = namespace;
    const infra = infraEnv();
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformModule.forService({
          service: 'backbone-test',
          env: { NODE_ENV: 'test', LOG_LEVEL: 'warn', KAFKA_BROKERS: infra.kafkaBrokers.join(','), MONGO_URL: mongoUrlFor(database), REDIS_URL: infra.redisUrl },
        }),
        BackboneModule.forService({ service: 'backbone-test', contexts: ['diagnostics'], catalog: eventCatalog }),
        ListenerModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
    await app.get(EventBackbone).whenConsuming();
  });

  afterAll(async () => {
    delete process.env['KAFKA_TOPIC_NAMESPACE'];
  });

  it('provisions its topics, appends, relays and delivers to a registered consumer with the correlation id', async () => {
    const backbone = app.get(EventBackbone);
    const repo = backbone.repository<number, Probe>(probes);
    const meta = { ...backbone.metadata({ userId: 'tester', bureau: '310118', role: 'system' }), correlationId: 'corr-backbone-1' };
    const outcome = await repo.create(`probe-${uniqueName('nest')}`, (n) => ({ ok: true, value: [{ type: 'backbone.probed', data: { seq: n } }] }), meta);
    expect(outcome.ok).toBe(true);
    const listener = app.get(ProbeListener);
    const seen = await eventually(() => {
      expect(listener.seen).toHaveLength(1);
      return listener.seen[0];
    });
    expect(seen.correlationId).toBe('corr-backbone-1');
    expect(seen.streamVersion).toBe(1);
    const onTopic = await readTopic(testKafka(), `${namespace}.diagnostics.events`);
    expect(onTopic).toHaveLength(1);
  });

  it('shuts down cleanly: consumers leave, the relay drains, the producer flushes', async () => {
    const backbone = app.get(EventBackbone);
    const conn = (backbone as unknown as { connection: { dropDatabase(): Promise<unknown> } }).connection;
    await conn.dropDatabase();
    await expect(app.close()).resolves.toBeUndefined();
  });
});
