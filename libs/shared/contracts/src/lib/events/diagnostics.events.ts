import { z } from 'zod';
import { defineEvent } from '../event-catalog';

/** A probe event: used by health checks, the backbone's tests and its benchmark. */
export const BackboneProbed = defineEvent({
  type: 'backbone.probed',
  context: 'diagnostics',
  schemaVersion: 1,
  summary: 'A probe travelled through the backbone (tests, benchmarks, smoke checks).',
  payload: z.object({ seq: z.number().int().min(0), note: z.string().max(2000).optional() }).strict(),
});

export const diagnosticsEvents = [BackboneProbed];
