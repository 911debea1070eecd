import { z } from 'zod';
import {
  buildEnvSchema,
  ConfigValidationError,
  parseEnv,
  type EnvSource,
  type PlatformEnv,
} from './env.schema';

const valid: EnvSource = {
  KAFKA_BROKERS: '127.0.0.1:19092',
  MONGO_URL: 'mongodb://127.0.0.1:27018/yrd',
  REDIS_URL: 'redis://127.0.0.1:16379',
};

function failure(
  source: EnvSource,
  extra?: z.ZodObject<z.ZodRawShape>,
): ConfigValidationError {
  try {
    parseEnv(source, {
      service: 'case-intake',
      defaultPort: 3101,
      extraSchema: extra,
    });
  } catch (err) {
    if (err instanceof ConfigValidationError) return err;
    throw err;
  }
  throw new Error('expected a ConfigValidationError');
}

// Compile-time: the schema's output is exactly PlatformEnv.
type Output = z.infer<ReturnType<typeof buildEnvSchema>>;
const sameType: [Output] extends [PlatformEnv]
  ? [PlatformEnv] extends [Output]
    ? true
    : false
  : false = true;

describe('parseEnv', () => {
  it('applies defaults and parses the settings', () => {
    expect(sameType).toBe(true);
    const env = parseEnv(
      {
        ...valid,
        KAFKA_BROKERS: ' a.example:9092, 10.0.0.2:9093 ,',
        UNRELATED: 'x',
      },
      { service: 'case-intake', defaultPort: 3101 },
    );
    expect(env).toEqual({
      NODE_ENV: 'development',
      PORT: 3101,
      HOST: '127.0.0.1',
      KAFKA_BROKERS: ['a.example:9092', '10.0.0.2:9093'],
      KAFKA_CLIENT_ID: 'case-intake',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      MONGO_URL: 'mongodb://127.0.0.1:27018/yrd',
      REDIS_URL: 'redis://127.0.0.1:16379',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10000,
      REQUEST_DEADLINE_MS: 15000,
    });
  });

  it('lets the environment override the defaults', () => {
    const env = parseEnv(
      {
        ...valid,
        PORT: '8080',
        NODE_ENV: 'production',
        LOG_LEVEL: 'debug',
        KAFKA_CLIENT_ID: 'ci-1',
        HOST: '0.0.0.0',
      },
      { service: 'case-intake', defaultPort: 3101 },
    );
    expect(env).toMatchObject({
      PORT: 8080,
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      KAFKA_CLIENT_ID: 'ci-1',
      HOST: '0.0.0.0',
    });
  });

  it('falls back to port 3000 without a service default', () => {
    expect(parseEnv(valid, { service: 'x' }).PORT).toBe(3000);
  });

  it('accepts mongodb+srv, multi-host mongodb and rediss URLs', () => {
    const env = parseEnv(
      {
        ...valid,
        MONGO_URL: 'mongodb://u:p@h1:27017,h2:27017/yrd?replicaSet=rs0',
        REDIS_URL: 'rediss://:pw@cache:6380/2',
      },
      { service: 'x' },
    );
    expect(env.MONGO_URL).toContain('replicaSet=rs0');
    expect(
      parseEnv(
        { ...valid, MONGO_URL: 'mongodb+srv://cluster.example/yrd' },
        { service: 'x' },
      ).MONGO_URL,
    ).toBe('mongodb+srv://cluster.example/yrd');
  });

  it('names a missing required variable', () => {
    const { KAFKA_BROKERS: _omit, ...rest } = valid;
    const err = failure(rest);
    expect(err.message).toBe('Invalid configuration: KAFKA_BROKERS: required');
    expect(err.issues).toEqual([
      { variable: 'KAFKA_BROKERS', problem: 'required' },
    ]);
  });

  it("reads the service's own Kafka principal, both credentials or neither", () => {
    const env = parseEnv(
      { ...valid, KAFKA_SASL_USERNAME: 'case-intake', KAFKA_SASL_PASSWORD: 's3cret' },
      { service: 'case-intake' },
    );
    expect(env).toMatchObject({
      KAFKA_SASL_USERNAME: 'case-intake',
      KAFKA_SASL_PASSWORD: 's3cret',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
    });
    expect(failure({ ...valid, KAFKA_SASL_USERNAME: 'case-intake' }).issues).toEqual([
      { variable: 'KAFKA_SASL_PASSWORD', problem: 'required with the other KAFKA_SASL_ credential' },
    ]);
    expect(failure({ ...valid, KAFKA_SASL_MECHANISM: 'plain' }).issues[0]?.variable).toBe('KAFKA_SASL_MECHANISM');
  });

  it('treats a blank value as missing', () => {
    expect(failure({ ...valid, MONGO_URL: '   ' }).message).toBe(
      'Invalid configuration: MONGO_URL: required',
    );
  });

  it('names every bad variable at once, with the reason', () => {
    const err = failure({
      KAFKA_BROKERS: 'localhost:9092,broken',
      MONGO_URL: 'postgres://x/y',
      REDIS_URL: 'http://cache:6379',
      PORT: '70000',
      NODE_ENV: 'staging',
      LOG_LEVEL: 'verbose',
    });
    const byVar = Object.fromEntries(
      err.issues.map((i) => [i.variable, i.problem]),
    );
    expect(byVar).toEqual({
      KAFKA_BROKERS:
        'must be a comma-separated list of host:port (bad entry: "broken")',
      MONGO_URL: 'must be a mongodb:// or mongodb+srv:// URL',
      REDIS_URL: 'must be a redis:// or rediss:// URL',
      PORT: 'must be an integer port 1-65535',
      NODE_ENV: 'must be one of development, test, production',
      LOG_LEVEL:
        'must be one of fatal, error, warn, info, debug, trace, silent',
    });
    expect(err.message).toMatch(/^Invalid configuration: /);
    for (const variable of Object.keys(byVar))
      expect(err.message).toContain(`${variable}: `);
  });

  it.each([['abc'], ['0'], ['3.5'], ['-1']])('rejects PORT=%s', (port) => {
    expect(failure({ ...valid, PORT: port }).message).toBe(
      'Invalid configuration: PORT: must be an integer port 1-65535',
    );
  });

  it.each([
    [','],
    ['host'],
    ['host:'],
    [':9092'],
    ['host:0'],
    ['host:99999'],
    ['a b:1'],
  ])('rejects KAFKA_BROKERS=%j', (brokers) => {
    expect(
      failure({ ...valid, KAFKA_BROKERS: brokers }).issues[0]?.variable,
    ).toBe('KAFKA_BROKERS');
  });

  it('validates a service extra schema with the common one', () => {
    const extra = z.object({
      WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters'),
    });
    const err = failure({ ...valid, WEBHOOK_SECRET: 'short' }, extra);
    expect(err.message).toBe(
      'Invalid configuration: WEBHOOK_SECRET: must be at least 16 characters',
    );
    expect(failure({ ...valid }, extra).message).toBe(
      'Invalid configuration: WEBHOOK_SECRET: required',
    );

    const env = parseEnv(
      { ...valid, WEBHOOK_SECRET: 'x'.repeat(16) },
      { service: 's', extraSchema: extra },
    );
    const secret: string = env.WEBHOOK_SECRET;
    expect(secret).toHaveLength(16);
    expect(env.KAFKA_BROKERS).toEqual(['127.0.0.1:19092']);
  });
});
