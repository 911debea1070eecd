import type { BoundedContext, EventCatalog } from '@yrd/contracts';

export interface BackboneOptions {
  /** The service, naming its commit collection and its consumer groups. */
  service: string;
  /** Contexts whose topics this service writes or reads (provisioned at start-up). */
  contexts: readonly BoundedContext[];
  catalog: EventCatalog;
}

export const BACKBONE_OPTIONS = Symbol('BACKBONE_OPTIONS');
