import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import type { EventCatalog, EventEnvelope } from '@yrd/contracts';
import { checkEncodedEnvelope } from '@yrd/event-log';

export interface TailOptions {
  kafka: Kafka;
  topic: string;
  catalog: EventCatalog;
  /** Group id prefix; each instance reads with its own group, from the beginning. */
  groupPrefix: string;
  apply: (event: EventEnvelope) => void;
  onInvalid?: (reason: string, error: string, offset: string) => void;
}

/**
 * Reads a whole event topic into this process's memory and keeps reading. Every instance uses a
 * group of its own, so each one sees every partition (a shared group would split them). Applying
 * is synchronous and idempotent (read models are version-guarded), so no offsets matter: on
 * restart the topic — which keeps everything — is read again. `whenCaughtUp()` resolves once the
 * offsets present at start are applied; `waitFor(partition, offset)` once a given event is.
 */
export class StreamTail {
  private consumer?: Consumer;
  private readonly position = new Map<number, bigint>();
  private waiters: Array<{ partition: number; offset: bigint; resolve: () => void }> = [];
  private caughtUp!: Promise<void>;
  applied = 0;

  constructor(private readonly opts: TailOptions) {}

  async start(): Promise<void> {
    const admin = this.opts.kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(this.opts.topic);
    await admin.disconnect();
    const targets = offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => ({ partition: o.partition, offset: BigInt(o.high) - 1n }));
    this.caughtUp = Promise.all(targets.map((t) => this.waitFor(t.partition, t.offset))).then(() => undefined);
    const consumer = this.opts.kafka.consumer({ groupId: `${this.opts.groupPrefix}.${randomBytes(6).toString('hex')}`, allowAutoTopicCreation: false });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [this.opts.topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          const check = checkEncodedEnvelope(m.value, this.opts.catalog);
          if (check.ok) {
            this.opts.apply(check.envelope);
            this.applied++;
          } else {
            this.opts.onInvalid?.(check.reason, check.error, m.offset);
          }
          this.advance(batch.partition, BigInt(m.offset));
        }
      },
    });
  }

  whenCaughtUp(): Promise<void> {
    return this.caughtUp;
  }

  /** Resolves once the event at (partition, offset) of the topic has been applied here. */
  waitFor(partition: number, offset: bigint | string): Promise<void> {
    const target = BigInt(offset);
    if ((this.position.get(partition) ?? -1n) >= target) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ partition, offset: target, resolve }));
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private advance(partition: number, offset: bigint): void {
    this.position.set(partition, offset);
    if (this.waiters.length === 0) return;
    this.waiters = this.waiters.filter((w) => {
      if (w.partition === partition && w.offset <= offset) {
        w.resolve();
        return false;
      }
      return true;
    });
  }
}
