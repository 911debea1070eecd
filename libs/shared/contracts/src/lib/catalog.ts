import { EventCatalog } from './event-catalog';
import { auditEvents } from './events/audit.events';
import { bulletinEvents } from './events/bulletin.events';
import { diagnosticsEvents } from './events/diagnostics.events';
import { discretionEvents } from './events/discretion.events';
import { intakeEvents } from './events/intake.events';
import { notificationEvents } from './events/notification.events';
import { referralEvents } from './events/referral.events';
import { sanctionsEvents } from './events/sanctions.events';

/** Every event type the system knows, declared once. */
export const eventCatalog = new EventCatalog([...diagnosticsEvents, ...intakeEvents, ...referralEvents, ...notificationEvents, ...sanctionsEvents, ...discretionEvents, ...bulletinEvents, ...auditEvents]);
