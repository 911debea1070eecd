import type { IHeaders } from 'kafkajs';

export const HEADER = {
  eventType: 'yrd-event-type',
  eventId: 'yrd-event-id',
  correlationId: 'yrd-correlation-id',
  dlqError: 'yrd-dlq-error',
  dlqReason: 'yrd-dlq-reason',
  dlqConsumer: 'yrd-dlq-consumer',
  dlqSourceTopic: 'yrd-dlq-source-topic',
  dlqSourcePartition: 'yrd-dlq-source-partition',
  dlqSourceOffset: 'yrd-dlq-source-offset',
  dlqAttempts: 'yrd-dlq-attempts',
  dlqAt: 'yrd-dlq-at',
} as const;

export function headerString(headers: IHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  if (v === undefined) return undefined;
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
}
