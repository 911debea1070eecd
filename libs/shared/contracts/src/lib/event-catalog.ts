import { z } from 'zod';
import type { BoundedContext } from './topics';

export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  type: T;
  context: BoundedContext;
  schemaVersion: number;
  summary: string;
  payload: S;
}

export type PayloadOf<D> = D extends EventDefinition<string, infer S> ? z.infer<S> : never;

/** Declares an event type once: its context (hence topic), schema version and payload schema. */
export function defineEvent<T extends string, S extends z.ZodType>(def: EventDefinition<T, S>): EventDefinition<T, S> {
  return def;
}

export type PayloadCheck = { ok: true; payload: Record<string, unknown> } | { ok: false; error: string };

/** Runtime lookup of event definitions, used by producers (which topic) and consumers (validate). */
export class EventCatalog {
  private readonly byType = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[] = []) {
    definitions.forEach((d) => this.add(d));
  }

  add(def: EventDefinition): this {
    if (this.byType.has(def.type)) throw new Error(`Event type ${def.type} declared twice`);
    this.byType.set(def.type, def);
    return this;
  }

  get(type: string): EventDefinition | undefined {
    return this.byType.get(type);
  }

  require(type: string): EventDefinition {
    const def = this.get(type);
    if (!def) throw new Error(`Unknown event type ${type}`);
    return def;
  }

  definitions(): EventDefinition[] {
    return [...this.byType.values()].sort((a, b) => a.type.localeCompare(b.type));
  }

  /** Validates a payload against the declared schema of its type and version. */
  checkPayload(type: string, schemaVersion: number, payload: unknown): PayloadCheck {
    const def = this.get(type);
    if (!def) return { ok: false, error: `unknown event type "${type}"` };
    if (def.schemaVersion !== schemaVersion) {
      return { ok: false, error: `${type}: schemaVersion ${schemaVersion} is not the declared ${def.schemaVersion}` };
    }
    const parsed = def.payload.safeParse(payload);
    if (!parsed.success) {
      return { ok: false, error: `${type}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}` };
    }
    return { ok: true, payload: parsed.data as Record<string, unknown> };
  }
}
