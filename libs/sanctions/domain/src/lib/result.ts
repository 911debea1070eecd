/** Outcome of a decision: the events to append, or why the command was refused (house style of @yrd/referral-domain). */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** A domain event before it is put in the envelope (`type` like 'penalty-decision.recorded'). */
export interface DomainEvent<Type extends string, Data extends Record<string, unknown>> {
  readonly type: Type;
  readonly data: Data;
}

/** A command: an intention, named in the imperative ('RecordPenaltyDecision'). */
export interface Command<Type extends string, Data extends Record<string, unknown>> {
  readonly type: Type;
  readonly data: Data;
}

/** Drops keys whose value is undefined, so event payloads serialise canonically. */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

export const isNonEmpty = (s: unknown): s is string => typeof s === 'string' && s.trim().length > 0;
