import type { EventEnvelope } from '@yrd/contracts';

/** Where the relay sends committed events (the Kafka publisher in production). */
export interface EventSink {
  /** Publishes in the given order; resolves only once the broker has acknowledged every event. */
  publish(events: readonly EventEnvelope[]): Promise<void>;
}
