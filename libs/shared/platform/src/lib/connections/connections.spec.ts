import { logLevel } from 'kafkajs';
import type { PinoLogger } from 'nestjs-pino';
import { kafkaSaslFrom } from '@yrd/messaging';
import { kafkaConfig, kafkaLogLevel, pinoLogCreator } from './kafka.factory';
import { redisOptions } from './redis.factory';

function fakeLogger() {
  const calls: Array<[string, Record<string, unknown>, string]> = [];
  const record =
    (level: string) => (fields: Record<string, unknown>, msg: string) =>
      calls.push([level, fields, msg]);
  const logger = {
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
  };
  return { logger: logger as unknown as PinoLogger, calls };
}

describe('Kafka settings', () => {
  it('maps pino levels to kafkajs levels', () => {
    expect(kafkaLogLevel('trace')).toBe(logLevel.DEBUG);
    expect(kafkaLogLevel('info')).toBe(logLevel.INFO);
    expect(kafkaLogLevel('warn')).toBe(logLevel.WARN);
    expect(kafkaLogLevel('fatal')).toBe(logLevel.ERROR);
    expect(kafkaLogLevel('silent')).toBe(logLevel.NOTHING);
  });

  it('forwards kafkajs log entries to pino with their fields', () => {
    const { logger, calls } = fakeLogger();
    const log = pinoLogCreator(logger)(logLevel.INFO);
    log({
      namespace: 'Consumer',
      level: logLevel.WARN,
      label: 'WARN',
      log: {
        timestamp: 't',
        logger: 'kafkajs',
        message: 'Rebalancing',
        groupId: 'g1',
      },
    });
    log({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: 't', message: 'boom' },
    });
    expect(calls).toEqual([
      ['warn', { kafkajs: 'Consumer', groupId: 'g1' }, 'Rebalancing'],
      ['error', { kafkajs: 'Connection' }, 'boom'],
    ]);
  });

  it('builds the client config from the validated settings', () => {
    const { logger } = fakeLogger();
    const config = kafkaConfig({
      clientId: 'audit',
      brokers: ['a:1', 'b:2'],
      level: 'info',
      logger,
    });
    expect(config).toMatchObject({
      clientId: 'audit',
      brokers: ['a:1', 'b:2'],
      logLevel: logLevel.INFO,
      retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 30_000 },
    });
    expect(config.sasl).toBeUndefined();
  });

  it("authenticates as the service's own principal when it has credentials", () => {
    const { logger } = fakeLogger();
    const sasl = kafkaSaslFrom({ KAFKA_SASL_USERNAME: 'audit', KAFKA_SASL_PASSWORD: 'pw' });
    expect(sasl).toEqual({ mechanism: 'scram-sha-512', username: 'audit', password: 'pw' });
    expect(kafkaConfig({ clientId: 'audit', brokers: ['a:1'], sasl, level: 'info', logger }).sasl).toEqual(sasl);
    expect(kafkaSaslFrom({ KAFKA_SASL_USERNAME: 'audit' })).toBeUndefined();
  });
});

describe('redisOptions', () => {
  it('parses host, port, db and credentials, with BullMQ-compatible settings', () => {
    expect(
      redisOptions('rediss://user:p%40ss@cache.example:6380/2', 'svc'),
    ).toMatchObject({
      host: 'cache.example',
      port: 6380,
      db: 2,
      username: 'user',
      password: 'p@ss',
      tls: {},
      connectionName: 'svc',
      maxRetriesPerRequest: null,
      lazyConnect: false,
    });
    expect(redisOptions('redis://127.0.0.1', 'svc')).toMatchObject({
      host: '127.0.0.1',
      port: 6379,
      db: 0,
      tls: undefined,
    });
  });
});
