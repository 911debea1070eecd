import { randomBytes } from 'node:crypto';
import { kafkaCredential, type KafkaSasl } from './kafka-credentials';

/** Addresses of the real local servers (deploy/local/env.sh defaults, overridable by the environment). */
export function infraEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    kafkaBrokers: (env['KAFKA_BROKERS'] ?? `127.0.0.1:${env['YRD_KAFKA_PORT'] ?? '19092'}`).split(','),
    /** Tests and tools authenticate as the admin (KAFKA_SASL_* or its credential file); none on a broker without SASL. */
    kafkaSasl: kafkaSaslOf(env) ?? kafkaCredential('admin', env),
    mongoUrl: env['MONGO_URL'] ?? `mongodb://127.0.0.1:${env['YRD_MONGO_PORT'] ?? '27018'}/yrd`,
    redisUrl: env['REDIS_URL'] ?? `redis://127.0.0.1:${env['YRD_REDIS_PORT'] ?? '16379'}`,
  };
}

/** A name unique to this test run, for topics, databases and consumer groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** The same MongoDB server, a database of this test run's own. */
export function mongoUrlFor(database: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = new URL(infraEnv(env).mongoUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function kafkaSaslOf(env: NodeJS.ProcessEnv): KafkaSasl | undefined {
  const username = env['KAFKA_SASL_USERNAME'];
  const password = env['KAFKA_SASL_PASSWORD'];
  if (!username || !password) return undefined;
  return env['KAFKA_SASL_MECHANISM'] === 'scram-sha-256'
    ? { mechanism: 'scram-sha-256', username, password }
    : { mechanism: 'scram-sha-512', username, password };
}
