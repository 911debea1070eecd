import { EventCatalog, eventCatalog } from '@yrd/contracts';
import { notaryEvents } from '@yrd/notary-domain';

/**
 * The global catalogue plus the notary's events, until @yrd/contracts lists `notaryEvents`
 * itself (then this adds nothing).
 */
export function notaryCatalog(): EventCatalog {
  const catalog = new EventCatalog(eventCatalog.definitions());
  for (const def of notaryEvents) if (!catalog.get(def.type)) catalog.add(def);
  return catalog;
}
