import { EventCatalog } from './event-catalog';
import { diagnosticsEvents } from './events/diagnostics.events';
import { intakeEvents } from './events/intake.events';
import { referralEvents } from './events/referral.events';

/** Every event type the system knows, declared once. */
export const eventCatalog = new EventCatalog([...diagnosticsEvents, ...intakeEvents, ...referralEvents]);
