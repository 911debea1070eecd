import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { EventCatalog, EventEnvelope } from '@yrd/contracts';
import { checkEncodedEnvelope, decideLink, type AppliedHead, type EnvelopeCheck, type Keyring, type PublishedKey } from '@yrd/event-log';
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
  /** The published public keys: only events signed by a service allowed to produce them are applied. */
  keyring: Keyring;
  /** Reloads the published keyring, when an event names a key not (yet) in it (a rotation). */
  loadKeyring?: () => Promise<readonly PublishedKey[]>;
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
  /** Refused for the integrity of the log: broken link or gap, fork, unsigned, bad signature. */
  refused: number;
}

/** DLQ reasons that say the log itself is not what its producers wrote: the auditors are alerted. */
export const INTEGRITY_REASONS = ['broken-link', 'fork', 'bad-signature', 'unsigned'] as const;

const MAX_CACHED_HEADS = 100_000;

/**
 * At-least-once consumption made idempotent: every event is checked (envelope, hash, payload,
 * producer's signature), skipped if this consumer already handled its id, applied only when it
 * is the next link of its stream (next version, `prevHash` = the hash last applied), handled with
 * bounded retries, and on final failure sent to the DLQ with the error and its original headers —
 * then the consumer moves on. An event refused for the integrity of the log goes to the DLQ
 * with reason `broken-link`, `fork`, `bad-signature` or `unsigned` and is not recorded as
 * handled, so a forged event cannot claim the id of a genuine one that comes later.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly retry: RetryPolicy;
  readonly stats: ConsumerStats = { handled: 0, duplicates: 0, deadLettered: 0, retries: 0, refused: 0 };
  private joined: Promise<void>;
  /** Applied heads by stream (null: nothing applied); forgotten at each rebalance. */
  private readonly heads = new Map<string, AppliedHead | null>();
  /** Key ids already looked for in the published keyring and not found. */
  private readonly missingKeys = new Set<string>();

  constructor(private readonly opts: EventConsumerOptions) {
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    this.consumer = opts.kafka.consumer({ groupId: opts.groupId, allowAutoTopicCreation: false, sessionTimeout: 10000, heartbeatInterval: 2000 });
    this.joined = new Promise((resolve) => {
      this.consumer.on(this.consumer.events.GROUP_JOIN, () => resolve());
    });
    // Another member may have applied events of the partitions we get now.
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => this.heads.clear());
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
    const checks = await this.check(batch.messages);
    const ids = checks.flatMap((c) => (c.ok ? [c.envelope.eventId] : []));
    const done = await this.opts.processed.alreadyProcessed(ids);
    await this.loadHeads(checks.flatMap((c) => (c.ok && !done.has(c.envelope.eventId) ? [c.envelope.streamId] : [])));
    const handled: Parameters<ProcessedEvents['record']>[0][number][] = [];
    try {
      for (const [i, message] of batch.messages.entries()) {
        if (!isRunning() || isStale()) break;
        const check = checks[i];
        if (!check) break;
        if (!check.ok) {
          if ((INTEGRITY_REASONS as readonly string[]).includes(check.reason)) this.stats.refused++;
          await this.deadLetter(batch.topic, batch.partition, message, check.reason, check.error, 0);
        } else if (done.has(check.envelope.eventId)) {
          this.stats.duplicates++;
        } else {
          const { envelope } = check;
          const link = decideLink(this.heads.get(envelope.streamId) ?? null, envelope);
          if (link.kind !== 'next') {
            this.stats.refused++;
            await this.deadLetter(batch.topic, batch.partition, message, link.kind === 'gap' ? 'broken-link' : link.kind, link.detail, 0);
            resolveOffset(message.offset);
            continue;
          }
          const ctx: EventContext = { topic: batch.topic, partition: batch.partition, offset: message.offset, heartbeat };
          const failure = await this.handleWithRetry(check.envelope, ctx);
          if (failure) {
            await this.deadLetter(batch.topic, batch.partition, message, 'handler-failed', failure.error, failure.attempts);
          } else {
            this.stats.handled++;
          }
          // A dead-lettered event is recorded too: redelivery must not run it again. It is a
          // genuine link of its stream all the same, so the head moves on.
          done.add(envelope.eventId);
          this.rememberHead(envelope.streamId, { version: envelope.streamVersion, hash: envelope.hash });
          handled.push({
            _id: envelope.eventId,
            topic: batch.topic,
            partition: batch.partition,
            offset: message.offset,
            streamId: envelope.streamId,
            version: envelope.streamVersion,
            hash: envelope.hash,
          });
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

  /** Checks a batch; events signed with a key not in the keyring reload it once and are checked again. */
  private async check(messages: readonly KafkaMessage[]): Promise<EnvelopeCheck[]> {
    const { catalog, keyring, loadKeyring } = this.opts;
    const checks = messages.map((m) => checkEncodedEnvelope(m.value, catalog, keyring));
    if (!loadKeyring) return checks;
    const unknown = new Set<string>();
    checks.forEach((c, i) => {
      if (c.ok || c.reason !== 'bad-signature') return;
      const keyId = signatureKeyId(messages[i]?.value ?? null);
      if (keyId && !keyring.has(keyId) && !this.missingKeys.has(keyId)) unknown.add(keyId);
    });
    if (unknown.size === 0) return checks;
    keyring.add(await loadKeyring());
    for (const keyId of unknown) if (!keyring.has(keyId)) this.missingKeys.add(keyId);
    return messages.map((m, i) => (checks[i]?.ok === false && checks[i]?.reason === 'bad-signature' ? checkEncodedEnvelope(m.value, catalog, keyring) : (checks[i] as EnvelopeCheck)));
  }

  /** Looks up, in one query, the applied heads of the streams not in memory. */
  private async loadHeads(streamIds: readonly string[]): Promise<void> {
    const missing = [...new Set(streamIds)].filter((s) => !this.heads.has(s));
    if (missing.length === 0) return;
    const found = await this.opts.processed.heads(missing);
    for (const s of missing) this.rememberHead(s, found.get(s) ?? null);
  }

  private rememberHead(streamId: string, head: AppliedHead | null): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > MAX_CACHED_HEADS) this.heads.delete(this.heads.keys().next().value as string);
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

/** The key id a message claims to be signed with, if it is an envelope with a signature. */
function signatureKeyId(value: Buffer | null): string | null {
  if (!value) return null;
  try {
    const keyId = (JSON.parse(value.toString()) as { signature?: { keyId?: unknown } }).signature?.keyId;
    return typeof keyId === 'string' ? keyId : null;
  } catch {
    return null;
  }
}
