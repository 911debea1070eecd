import type { Admin, Consumer, Kafka } from 'kafkajs';
import type { LogMessage, ReadRange } from '@yrd/audit-domain';

export interface ReadOptions {
  /** The consumer group: unique per run, never a service's group. */
  groupId: string;
  onProgress?: (read: number) => void;
  /** Called when the consumer has joined its group and starts fetching. */
  onJoined?: () => void;
}

/** Fetch sizes for reading history fast (the defaults are tuned for tailing). */
export const REPLAY_FETCH = { maxBytesPerPartition: 16 * 1024 * 1024, maxBytes: 64 * 1024 * 1024, maxWaitTimeInMs: 100 };

/**
 * Reads fixed offset ranges of event topics: what was there when the run started (the high
 * watermarks captured by `plan`), so a replay ends even while services keep publishing. It uses a
 * fresh consumer group that commits nothing, so the services' groups are never touched.
 */
export class KafkaLogReader {
  constructor(private readonly kafka: Kafka) {}

  /** The ranges to read: each partition from its start (or the first offset at/after `from`) to its high watermark now. */
  async plan(topics: readonly string[], from?: Date): Promise<ReadRange[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const ranges: ReadRange[] = [];
      for (const topic of topics) {
        const offsets = await admin.fetchTopicOffsets(topic);
        const starts = from ? await this.startsAt(admin, topic, from) : null;
        for (const o of offsets) {
          const low = Number(o.low);
          const high = Number(o.high);
          const start = starts?.get(o.partition) ?? low;
          ranges.push({ topic, partition: o.partition, fromOffset: Math.max(low, Math.min(start, high)), toOffset: high });
        }
      }
      return ranges.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
    } finally {
      await admin.disconnect();
    }
  }

  private async startsAt(admin: Admin, topic: string, from: Date): Promise<Map<number, number>> {
    const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, from.getTime());
    return new Map(byTime.map((o) => [o.partition, Number(o.offset)]));
  }

  /** Calls `onMessage` for every message in the ranges, in partition order; resolves when all are read. */
  async read(ranges: readonly ReadRange[], onMessage: (message: LogMessage) => void, options: ReadOptions): Promise<number> {
    const pending = new Map(ranges.filter((r) => r.toOffset > r.fromOffset).map((r) => [`${r.topic}#${r.partition}`, r]));
    if (pending.size === 0) return 0;
    const topics = [...new Set([...pending.values()].map((r) => r.topic))];
    const consumer: Consumer = this.kafka.consumer({ groupId: options.groupId, ...REPLAY_FETCH, allowAutoTopicCreation: false });
    let read = 0;
    await consumer.connect();
    const joined = consumer.on(consumer.events.GROUP_JOIN, () => options.onJoined?.());
    try {
      for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: false,
            eachBatchAutoResolve: true,
            eachBatch: async ({ batch, heartbeat, pause }) => {
              const key = `${batch.topic}#${batch.partition}`;
              const range = pending.get(key);
              if (!range) return;
              const { topic, partition, fromOffset, toOffset } = range;
              for (const m of batch.messages) {
                const offset = Number(m.offset);
                if (offset < fromOffset || offset >= toOffset) continue;
                onMessage({ topic, partition, offset, key: m.key, value: m.value, headers: m.headers });
                read++;
              }
              options.onProgress?.(read);
              if (Number(batch.lastOffset()) >= toOffset - 1) {
                pending.delete(key);
                pause();
                if (pending.size === 0) resolve();
              }
              await heartbeat();
            },
          })
          .catch(reject);
        // Start where the range starts (fromBeginning covers the rest); earlier offsets are skipped above.
        for (const r of pending.values()) consumer.seek({ topic: r.topic, partition: r.partition, offset: String(r.fromOffset) });
      });
    } finally {
      joined();
      await consumer.disconnect();
      await this.forgetGroup(options.groupId);
    }
    return read;
  }

  /** The run's group committed nothing; delete it so replays leave no trace on the broker. */
  private async forgetGroup(groupId: string): Promise<void> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([groupId]);
    } catch {
      // Best effort: an empty group expires on its own.
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
