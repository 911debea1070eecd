import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { EventCatalog, EventEnvelope } from '@yrd/contracts';
import { checkEncodedEnvelope } from '@yrd/event-log';
import type { EventPublisher } from './event-publisher';
import { HEADER } from './kafka-headers';
import type { ProcessedEvents } from './processed-events';
import { DEFAULT_RETRY, backoffDelay, type RetryPolicy } from './retry-policy';

export interface EventContext {
  topic: string;
  partition: number;
  offset: string;
  heartbeat: () => Promise<void>;
}

export type EventHandler = (event: EventEnvelope, ctx: EventContext) => Promise<void>;

export interface EventConsumerOptions {
  kafka: Kafka;
  /** The consumer group; also names the idempotency record. */
  groupId: string;
  topics: string[];
  catalog: EventCatalog;
  processed: ProcessedEvents;
  /** Sends poison messages to `<topic>.dlq`. */
  dlq: EventPublisher;
  dlqTopic: (topic: string) => string;
  handler: EventHandler;
  retry?: Partial<RetryPolicy>;
  /** Runs each handler call inside, e.g. to set the correlation id for logs. */
  around?: (event: EventEnvelope, run: () => Promise<void>) => Promise<void>;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  partitionsConsumedConcurrently?: number;
}

export interface ConsumerStats {
  handled: number;
  duplicates: number;
  deadLettered: number;
  retries: number;
}

/**
 * At-least-once consumption made idempotent: every event is checked (envelope, hash, payload),
 * skipped if this consumer already handled its id, handled with bounded retries, and on final
 * failure sent to the DLQ with the error and its original headers — then the consumer moves on.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly retry: RetryPolicy;
  readonly stats: ConsumerStats = { handled: 0, duplicates: 0, deadLettered: 0, retries: 0 };
  private joined: Promise<void>;

  constructor(private readonly opts: EventConsumerOptions) {
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.consumer = opts.kafka.consumer({ groupId: opts.groupId, allowAutoTopicCreation: false, sessionTimeout: 10000, heartbeatInterval: 2000 });
    this.joined = new Promise((resolve) => {
      this.consumer.on(this.consumer.events.GROUP_JOIN, () => resolve());
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.opts.topics, fromBeginning: true });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.opts.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  /** Resolves once the consumer has joined its group and been assigned partitions. */
  whenJoined(): Promise<void> {
    return this.joined;
  }

  /** Leaves the group (committing what was resolved) and disconnects. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async eachBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const checks = batch.messages.map((m) => checkEncodedEnvelope(m.value, this.opts.catalog));
    const ids = checks.flatMap((c) => (c.ok ? [c.envelope.eventId] : []));
    const done = await this.opts.processed.alreadyProcessed(ids);
    const handled: Array<{ _id: string; topic: string; partition: number; offset: string }> = [];
    try {
      for (const [i, message] of batch.messages.entries()) {
        if (!isRunning() || isStale()) break;
        const check = checks[i];
        if (!check) break;
        if (!check.ok) {
          await this.deadLetter(batch.topic, batch.partition, message, check.reason, check.error, 0);
        } else if (done.has(check.envelope.eventId)) {
          this.stats.duplicates++;
        } else {
          const ctx: EventContext = { topic: batch.topic, partition: batch.partition, offset: message.offset, heartbeat };
          const failure = await this.handleWithRetry(check.envelope, ctx);
          if (failure) {
            await this.deadLetter(batch.topic, batch.partition, message, 'handler-failed', failure.error, failure.attempts);
          } else {
            this.stats.handled++;
          }
          // A dead-lettered event is recorded too: redelivery must not run it again.
          done.add(check.envelope.eventId);
          handled.push({ _id: check.envelope.eventId, topic: batch.topic, partition: batch.partition, offset: message.offset });
        }
        resolveOffset(message.offset);
      }
    } finally {
      // Record before committing, so a redelivery after a crash finds the record.
      await this.opts.processed.record(handled);
    }
    await commitOffsetsIfNecessary();
    await heartbeat();
  }

  private async handleWithRetry(event: EventEnvelope, ctx: EventContext): Promise<{ error: string; attempts: number } | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        const run = () => this.opts.handler(event, ctx);
        await (this.opts.around ? this.opts.around(event, run) : run());
        return null;
      } catch (e) {
        const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        if (attempt >= this.retry.maxAttempts) return { error, attempts: attempt };
        this.stats.retries++;
        this.opts.log?.('warn', 'event handler failed, retrying', { eventId: event.eventId, type: event.type, attempt, error });
        await new Promise((r) => setTimeout(r, backoffDelay(this.retry, attempt)));
        await ctx.heartbeat();
      }
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, reason: string, error: string, attempts: number): Promise<void> {
    this.stats.deadLettered++;
    this.opts.log?.('error', 'event sent to the DLQ', { topic, partition, offset: message.offset, reason, error });
    const original = Object.fromEntries(Object.entries(message.headers ?? {}).filter(([, v]) => v !== undefined)) as Record<string, Buffer | string>;
    await this.opts.dlq.sendRaw(this.opts.dlqTopic(topic), [
      {
        key: message.key,
        value: message.value,
        headers: {
          ...original,
          [HEADER.dlqReason]: reason,
          [HEADER.dlqError]: error.slice(0, 4000),
          [HEADER.dlqConsumer]: this.opts.groupId,
          [HEADER.dlqSourceTopic]: topic,
          [HEADER.dlqSourcePartition]: String(partition),
          [HEADER.dlqSourceOffset]: message.offset,
          [HEADER.dlqAttempts]: String(attempts),
          [HEADER.dlqAt]: new Date().toISOString(),
        },
      },
    ]);
  }
}
