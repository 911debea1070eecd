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

/** Metadata not yet propagated for a topic another service has just created: worth another try. */
function isTransient(error: unknown): boolean {
  const type = (error as { type?: string } | null)?.type;
  return ['UNKNOWN_TOPIC_OR_PARTITION', 'TOPIC_ALREADY_EXISTS', 'LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION'].includes(type ?? '');
}

/** Creates the topics a service needs at start-up; existing topics are left as they are. */
export async function provisionTopics(kafka: Kafka, specs: readonly TopicSpec[], settings: TopicSettings): Promise<string[]> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    // Services of one system start together and race to create the same topics; the loser can
    // see "does not host this topic-partition" while the winner's topic propagates. Try again
    // (ten attempts, about 5.5 s in all).
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await createMissing(admin, specs, settings);
        // Every topic must be known to the broker's metadata, and its partitions' leaders must
        // answer, before producers, consumers and offset readers start, or their first request
        // fails the same way.
        await admin.fetchTopicMetadata({ topics: specs.map((s) => s.name) });
        for (const spec of specs) await admin.fetchTopicOffsets(spec.name);
        return created;
      } catch (error) {
        if (!isTransient(error) || attempt >= 10) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

async function createMissing(admin: Admin, specs: readonly TopicSpec[], settings: TopicSettings): Promise<string[]> {
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
}
