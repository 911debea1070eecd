import { z } from 'zod';
import { defineEvent } from '../event-catalog';
import { DivisionCode, Instant, Text } from './common.schemas';

/** The reasons a consumer refuses an event for the integrity of the log (not for its content). */
export const IntegrityReason = z.enum(['broken-link', 'fork', 'bad-signature', 'unsigned']);
export type IntegrityReason = z.infer<typeof IntegrityReason>;

/**
 * Stream `integrity-<digest of the refused message and reason>`: one alert per refused message,
 * however many consumers refused it (each one is listed as it reports).
 */
export const IntegrityAlertRaised = defineEvent({
  type: 'audit.integrity-alert-raised',
  context: 'audit',
  schemaVersion: 1,
  summary:
    'A consumer refused an event for the integrity of the log (broken link, fork, missing or bad signature) and sent it to its DLQ; raised by the audit service for the auditors.',
  payload: z
    .object({
      alertId: Text(64),
      reason: IntegrityReason,
      detail: Text(4000),
      consumer: Text(200),
      sourceTopic: Text(249),
      sourcePartition: z.number().int().min(0),
      sourceOffset: Text(32),
      /** What the refused message claimed to be; absent when it did not even parse. */
      eventId: Text(64).optional(),
      eventType: Text(100).optional(),
      streamId: Text(200).optional(),
      streamVersion: z.number().int().min(1).optional(),
      keyId: Text(100).optional(),
      refusedAt: Instant,
      /** Whose inbox and mailbox it goes to: the bureaus the auditors sit in. */
      auditors: z.array(DivisionCode).min(1),
    })
    .strict(),
});

export const auditEvents = [IntegrityAlertRaised] as const;
