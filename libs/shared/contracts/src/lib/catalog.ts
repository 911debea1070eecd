import { EventCatalog } from './event-catalog';
import { diagnosticsEvents } from './events/diagnostics.events';

/** Every event type the system knows, declared once. */
export const eventCatalog = new EventCatalog([...diagnosticsEvents]);
