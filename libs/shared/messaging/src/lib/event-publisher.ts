import type { Kafka, Message, Producer } from 'kafkajs';
import { CompressionTypes } from 'kafkajs';
import type { EventCatalog, EventEnvelope, TopicRegistry } from '@yrd/contracts';
import { HEADER } from './kafka-headers';

/** A producer tried to publish an event type the catalogue (@yrd/contracts) does not declare. */
export class UncataloguedEventError extends Error {
  constructor(readonly events: readonly Pick<EventEnvelope, 'type' | 'streamId' | 'streamVersion'>[]) {
    super(
      `refusing to publish event type(s) missing from the event catalogue: ${events.map((e) => `${e.type} (${e.streamId} v${e.streamVersion})`).join(', ')}; declare them in @yrd/contracts`,
    );
    this.name = 'UncataloguedEventError';
  }
}

/**
 * Publishes envelopes to their context's topic with an idempotent, acks=all producer,
 * keyed by streamId so each stream stays in order on one partition.
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connected: Promise<void> | null = null;

  constructor(
    kafka: Kafka,
    private readonly catalog: EventCatalog,
    private readonly topics: TopicRegistry,
  ) {
    // One request in flight keeps per-partition order even across retries.
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  connect(): Promise<void> {
    this.connected ??= this.producer.connect();
    return this.connected;
  }

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    // Checked before anything is sent: an uncatalogued type is a producer bug, never a message.
    const uncatalogued = events.filter((e) => !this.catalog.get(e.type));
    if (uncatalogued.length > 0) throw new UncataloguedEventError(uncatalogued);
    await this.connect();
    const byTopic = new Map<string, Message[]>();
    for (const e of events) {
      const topic = this.topics.eventsTopic(this.catalog.require(e.type).context);
      const list = byTopic.get(topic) ?? [];
      list.push({
        key: e.streamId,
        value: JSON.stringify(e),
        headers: { [HEADER.eventType]: e.type, [HEADER.eventId]: e.eventId, [HEADER.correlationId]: e.correlationId },
      });
      byTopic.set(topic, list);
    }
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  /** Sends raw messages (the DLQ, tests that plant bad input). */
  async sendRaw(topic: string, messages: Message[]): Promise<void> {
    await this.connect();
    await this.producer.send({ topic, acks: -1, messages });
  }

  /** Flushes and disconnects. */
  async close(): Promise<void> {
    if (this.connected) {
      await this.connected.catch(() => undefined);
      await this.producer.disconnect();
      this.connected = null;
    }
  }
}
