import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type KafkaSasl =
  | { mechanism: 'scram-sha-512'; username: string; password: string }
  | { mechanism: 'scram-sha-256'; username: string; password: string };

/** Where deploy/local/kafka.sh keeps one password file per principal (git-ignored). */
export function kafkaCredentialsDir(env: NodeJS.ProcessEnv = process.env): string {
  const local = env['YRD_LOCAL_DIR'] ?? join(__dirname, '..', '..', '..', '..', '..', '.local');
  return env['YRD_KAFKA_CREDENTIALS_DIR'] ?? join(local, 'kafka-credentials');
}

/** The SCRAM credential of a principal of the local broker, or none when it runs without SASL. */
export function kafkaCredential(principal: string, env: NodeJS.ProcessEnv = process.env): KafkaSasl | undefined {
  let password: string;
  try {
    password = readFileSync(join(kafkaCredentialsDir(env), principal), 'utf8').trim();
  } catch {
    return undefined;
  }
  return password ? { mechanism: 'scram-sha-512', username: principal, password } : undefined;
}

/** The variables that make a service authenticate as its own principal (none without SASL). */
export function serviceKafkaEnv(service: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return kafkaSaslEnv(kafkaCredential(service, env));
}

/** A credential as the variables a service reads (KAFKA_SASL_*); none for none. */
export function kafkaSaslEnv(sasl: KafkaSasl | undefined): Record<string, string> {
  return sasl ? { KAFKA_SASL_USERNAME: sasl.username, KAFKA_SASL_PASSWORD: sasl.password, KAFKA_SASL_MECHANISM: sasl.mechanism } : {};
}
