import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { integrityAlertFor, type DeadLetter } from '@yrd/audit-domain';
import { CONTEXTS, IntegrityAlertRaised, type Actor, type TopicRegistry } from '@yrd/contracts';
import type { AggregateRepository, Decision } from '@yrd/event-store';
import type { DomainEvent, EventMetadata } from '@yrd/event-log';
import { HEADER, headerString } from '@yrd/messaging';

export interface AlertState {
  raised: boolean;
}
export type AlertEvent = DomainEvent<typeof IntegrityAlertRaised.type, Record<string, unknown>>;

/** One stream per refused message: raised once, however many consumers refused it. */
export const integrityAlertAggregate = {
  initialState: (): AlertState => ({ raised: false }),
  evolve: (_state: AlertState, _event: AlertEvent): AlertState => ({ raised: true }),
};

export const AUDIT_ACTOR: Actor = { userId: 'audit', bureau: 'YRD-AUDIT', role: 'system' };

export interface IntegrityAlertsOptions {
  kafka: Kafka;
  topics: TopicRegistry;
  repository: AggregateRepository<AlertState, AlertEvent>;
  /** The bureaus whose auditors are alerted (inbox and email). */
  auditors: readonly string[];
  groupId: string;
  metadata: (now: Date) => EventMetadata;
  onAlert?: (streamId: string) => void;
}

/**
 * Reads every context's DLQ and raises `audit.integrity-alert-raised` (on the audit context,
 * signed by the audit service) for each message a consumer refused for the integrity of the log:
 * a broken link or gap, a fork, a missing or bad signature. Other DLQ reasons are left to
 * operations.
 */
export class IntegrityAlerts {
  private consumer: Consumer | null = null;

  constructor(private readonly opts: IntegrityAlertsOptions) {}

  dlqTopics(): string[] {
    return CONTEXTS.map((c) => this.opts.topics.dlqTopic(this.opts.topics.eventsTopic(c)));
  }

  async start(): Promise<void> {
    const consumer = this.opts.kafka.consumer({ groupId: this.opts.groupId, allowAutoTopicCreation: false });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: this.dlqTopics(), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        await this.raise(topic, message);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  /** Raises the alert for one DLQ message (idempotent: a second delivery finds it raised). */
  async raise(dlqTopic: string, message: KafkaMessage): Promise<string | null> {
    const h = (name: string) => headerString(message.headers, name);
    const entry: DeadLetter = {
      reason: h(HEADER.dlqReason) ?? '',
      error: h(HEADER.dlqError) ?? '',
      consumer: h(HEADER.dlqConsumer) || 'unknown',
      sourceTopic: h(HEADER.dlqSourceTopic) || dlqTopic.replace(/\.dlq$/, ''),
      sourcePartition: Number(h(HEADER.dlqSourcePartition) ?? 0) || 0,
      sourceOffset: h(HEADER.dlqSourceOffset) || '0',
      value: message.value,
      at: h(HEADER.dlqAt) || new Date(Number(message.timestamp)).toISOString(),
    };
    const found = integrityAlertFor(entry, this.opts.auditors);
    if (!found) return null;
    const decide = (s: AlertState): Decision<AlertEvent, never> =>
      ({ ok: true, value: s.raised ? [] : [{ type: IntegrityAlertRaised.type, data: found.alert }] });
    await this.opts.repository.handle(found.streamId, decide, this.opts.metadata(new Date()));
    this.opts.onAlert?.(found.streamId);
    return found.streamId;
  }
}
