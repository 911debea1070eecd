/** How a client authenticates to the broker (SASL/SCRAM); framework-free so tools and CLIs share it. */
export type KafkaSaslCredentials =
  | { mechanism: 'scram-sha-512'; username: string; password: string }
  | { mechanism: 'scram-sha-256'; username: string; password: string };

/**
 * The client's own principal from its environment (KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD,
 * KAFKA_SASL_MECHANISM), or none (a broker without SASL). Services get theirs validated by the env
 * schema; tools and tests pass `process.env`.
 */
export function kafkaSaslFrom(env: {
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
  KAFKA_SASL_MECHANISM?: string;
}): KafkaSaslCredentials | undefined {
  const username = env.KAFKA_SASL_USERNAME;
  const password = env.KAFKA_SASL_PASSWORD;
  if (!username || !password) return undefined;
  return env.KAFKA_SASL_MECHANISM === 'scram-sha-256'
    ? { mechanism: 'scram-sha-256', username, password }
    : { mechanism: 'scram-sha-512', username, password };
}
