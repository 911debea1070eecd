import type { EventEnvelope } from '@yrd/contracts';
import type { BureauDirectory } from './bureau-directory';
import type { CaseFile } from './case-file';
import { LOCALES, type Channel, type Locale } from './channel';
import { readStrings } from './paths';
import { recipientKey, type Recipient } from './recipient';
import type { Audience, CompiledRule } from './routing-rule';
import { renderTemplate, TemplateError } from './template';

/** The message of one event, in every language. */
export type RenderedMessage = Record<Locale, { subject: string; body: string }>;

/** One recipient of one event, on the channels its audiences asked for. */
export interface PlannedNotification {
  recipient: Recipient;
  channels: Channel[];
  /** Why they hear of it (the audiences that named them), for the inbox and for operators. */
  reasons: Audience['to'][];
}

export interface NotificationPlan {
  eventId: string;
  eventType: string;
  message: RenderedMessage;
  notifications: PlannedNotification[];
}

export type PlanResult = { ok: true; plan: NotificationPlan } | { ok: false; error: TemplateError };

/**
 * Decides who hears of an event and renders its message once, in both languages. Rendering
 * happens before anything is queued: a template that cannot be filled fails the whole event,
 * so nobody gets half of a broken notification.
 */
export function planNotifications(event: EventEnvelope, rule: CompiledRule | undefined, caseFile: CaseFile, directory: BureauDirectory): PlanResult {
  const empty: NotificationPlan = { eventId: event.eventId, eventType: event.type, message: { zh: { subject: '', body: '' }, en: { subject: '', body: '' } }, notifications: [] };
  if (!rule || rule.notify.length === 0) return { ok: true, plan: empty };
  const compiled = rule.compiled;
  if (!compiled) return { ok: false, error: new TemplateError(rule.event, 'rule has no compiled templates') };

  const data = {
    event: { eventId: event.eventId, type: event.type, streamId: event.streamId, occurredAt: event.occurredAt },
    payload: event.payload,
    actor: event.actor,
    case: caseFile,
  };
  let message: RenderedMessage;
  try {
    message = Object.fromEntries(
      LOCALES.map((locale) => {
        const env = { locale, bureauName: directory.displayName };
        const t = compiled[locale];
        return [locale, { subject: renderTemplate(t.subject, data, env), body: renderTemplate(t.body, data, env) }];
      }),
    ) as RenderedMessage;
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, error: e };
    throw e;
  }

  const byKey = new Map<string, PlannedNotification>();
  for (const audience of rule.notify) {
    for (const recipient of resolve(audience.who, event, caseFile, directory)) {
      if (!rule.notifyActor && isActor(recipient, event)) continue;
      const key = recipientKey(recipient);
      const entry = byKey.get(key) ?? { recipient, channels: [], reasons: [] };
      for (const c of audience.channels) if (!entry.channels.includes(c)) entry.channels.push(c);
      if (!entry.reasons.includes(audience.who.to)) entry.reasons.push(audience.who.to);
      byKey.set(key, entry);
    }
  }
  return { ok: true, plan: { ...empty, message, notifications: [...byKey.values()] } };
}

function resolve(who: Audience, event: EventEnvelope, file: CaseFile, directory: BureauDirectory): Recipient[] {
  const bureaus = (codes: readonly string[]): Recipient[] => [...new Set(codes)].map((bureau) => ({ kind: 'bureau', bureau }));
  switch (who.to) {
    case 'target-bureaus':
      return bureaus(file.targetBureaus);
    case 'originating-bureau':
      return bureaus(file.originatingBureau ? [file.originatingBureau] : []);
    case 'originating-officer':
      return file.originatingOfficer ? [{ kind: 'user', ...file.originatingOfficer }] : [];
    case 'bureau-at':
      return bureaus(readStrings(event, who.path));
    case 'supervisors': {
      const of = who.of === 'target-bureaus' ? file.targetBureaus : file.originatingBureau ? [file.originatingBureau] : [];
      return bureaus(of.flatMap((code) => directory.supervisorsOf(code)));
    }
    case 'every-region':
      return bureaus(directory.regions());
    default: {
      const _exhaustive: never = who;
      return _exhaustive;
    }
  }
}

/** The actor's own bureau (for bureau recipients) or the acting person: they already know. */
function isActor(r: Recipient, event: EventEnvelope): boolean {
  return r.kind === 'bureau' ? r.bureau === event.actor.bureau && event.actor.role !== 'system' : r.userId === event.actor.userId;
}
