import { EventCatalog } from './event-catalog';
import { auditEvents } from './events/audit.events';
import { bulletinEvents } from './events/bulletin.events';
import { diagnosticsEvents } from './events/diagnostics.events';
import { discretionEvents } from './events/discretion.events';
import { intakeEvents } from './events/intake.events';
import { notaryEvents } from './events/notary.events';
import { notificationEvents } from './events/notification.events';
import { referralEvents } from './events/referral.events';
import { sanctionsEvents } from './events/sanctions.events';

/**
 * Every event type the system knows, declared once: producers take their topic from it (and refuse a
 * type it lacks), consumers and the audit validate against it, docs/asyncapi.json is generated from it.
 */
export const eventDefinitions = [
  ...diagnosticsEvents,
  ...intakeEvents,
  ...referralEvents,
  ...notificationEvents,
  ...sanctionsEvents,
  ...discretionEvents,
  ...bulletinEvents,
  ...notaryEvents,
  ...auditEvents,
];

/** The type of every catalogued event, as a union of literals (producers' unions must fit in it). */
export type CataloguedEventType = (typeof eventDefinitions)[number]['type'];

export const eventCatalog = new EventCatalog(eventDefinitions);
