/**
 * Bounded contexts and their Kafka topics. A topic carries the events of every stream of its
 * context, keyed by streamId so one stream keeps its order; `<topic>.dlq` sits beside each.
 */
export const CONTEXTS = ['intake', 'referral', 'sanctions', 'bulletin', 'notary', 'notification', 'audit', 'diagnostics'] as const;
export type BoundedContext = (typeof CONTEXTS)[number];

export interface TopicSpec {
  name: string;
  context: BoundedContext | null;
  /** Event topics are the audit log: they keep everything (retention.ms = -1). */
  retentionMs: number;
  dlq: boolean;
}

const KEEP_FOREVER = -1;
const DLQ_RETENTION_MS = 30 * 24 * 3600 * 1000;

/**
 * Names topics under a namespace (`yrd` in production; a unique namespace per test run keeps
 * test runs apart on one broker).
 */
export class TopicRegistry {
  constructor(readonly namespace = 'yrd') {
    if (!/^[a-z][a-z0-9_-]{0,40}$/.test(namespace)) {
      throw new Error(`Invalid topic namespace "${namespace}"`);
    }
  }

  eventsTopic(context: BoundedContext): string {
    return `${this.namespace}.${context}.events`;
  }

  dlqTopic(topic: string): string {
    return `${topic}.dlq`;
  }

  /** Every topic the system needs, DLQs included. */
  all(contexts: readonly BoundedContext[] = CONTEXTS): TopicSpec[] {
    return contexts.flatMap((context) => {
      const name = this.eventsTopic(context);
      return [
        { name, context, retentionMs: KEEP_FOREVER, dlq: false },
        { name: this.dlqTopic(name), context: null, retentionMs: DLQ_RETENTION_MS, dlq: true },
      ];
    });
  }
}
