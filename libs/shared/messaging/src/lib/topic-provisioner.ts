import type { Admin, Kafka } from 'kafkajs';
import type { TopicSpec } from '@yrd/contracts';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
  minInSyncReplicas: number;
}

/** Reads topic settings from the environment (KAFKA_TOPIC_PARTITIONS, KAFKA_REPLICATION_FACTOR, KAFKA_MIN_INSYNC_REPLICAS). */
export function topicSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TopicSettings {
  const int = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid configuration: ${name} must be a positive integer, got "${raw}"`);
    return n;
  };
  return {
    partitions: int('KAFKA_TOPIC_PARTITIONS', 3),
    replicationFactor: int('KAFKA_REPLICATION_FACTOR', 1),
    minInSyncReplicas: int('KAFKA_MIN_INSYNC_REPLICAS', 1),
  };
}

/** Creates the topics a service needs at start-up; existing topics are left as they are. */
export async function provisionTopics(kafka: Kafka, specs: readonly TopicSpec[], settings: TopicSettings): Promise<string[]> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.name));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((s) => ({
        topic: s.name,
        numPartitions: settings.partitions,
        replicationFactor: settings.replicationFactor,
        configEntries: [
          { name: 'retention.ms', value: String(s.retentionMs) },
          { name: 'min.insync.replicas', value: String(settings.minInSyncReplicas) },
          // The audit log must not be compacted away either.
          { name: 'cleanup.policy', value: 'delete' },
        ],
      })),
    });
    return missing.map((s) => s.name);
  } finally {
    await admin.disconnect();
  }
}
