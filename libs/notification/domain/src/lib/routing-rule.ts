import { CHANNELS, LOCALES, type Channel, type Locale } from './channel';
import { isValidPath } from './paths';
import { compileTemplate, TemplateError, type CompiledTemplate } from './template';

/**
 * Whom a rule notifies. Case parties (`target-bureaus`, `originating-*`) come from the case file
 * the router keeps per stream (see case-file.ts), since most events name only one side.
 */
export type Audience =
  | { to: 'target-bureaus' }
  | { to: 'originating-bureau' }
  | { to: 'originating-officer' }
  /** Bureaus (or authorities) named in the event itself, e.g. `payload.designatingAuthority`. */
  | { to: 'bureau-at'; path: string }
  /** The nearest superior bureau of the target or originating bureaus. */
  | { to: 'supervisors'; of: 'target-bureaus' | 'originating-bureau' }
  /** Every province-level bureau of the Delta (sanctions, mutual recognition). */
  | { to: 'every-region' };

export interface AudienceRule {
  who: Audience;
  channels: readonly Channel[];
}

/** How an event fills in its stream's case file: paths into the event. */
export interface CaseFacts {
  originatingBureau?: string;
  /** `actor` takes the event's actor when it is an officer. */
  originatingOfficer?: 'actor';
  /** Replaces the target bureaus (a designation moves the case). */
  targetBureaus?: string;
  /** Copy what is unknown from another stream's file, e.g. a referral from its clue (`clue-{payload.clueId}`). */
  inheritFrom?: { streamPrefix: string; idPath: string };
}

export interface MessageTemplate {
  subject: string;
  body: string;
}

/**
 * One rule per event type, as data. `event` is an exact type (`referral.accepted`), a family
 * (`sanctions.*`) or a whole context (`@sanctions`); the most specific match wins. A rule with no
 * audiences is an explicit "nobody is notified" (it may still record case facts).
 */
export interface RoutingRule {
  event: string;
  summary?: string;
  case?: CaseFacts;
  notify: readonly AudienceRule[];
  /** Also notify the actor's own bureau / the acting officer (default: no, they know). */
  notifyActor?: boolean;
  templates?: Record<Locale, MessageTemplate>;
}

export interface CompiledRule extends RoutingRule {
  compiled?: Record<Locale, { subject: CompiledTemplate; body: CompiledTemplate }>;
}

const RULE_KEY = /^(@[a-z]+|[a-z][a-z0-9-]*(\.[a-z0-9-]+)*(\.\*)?)$/;

/** Every problem with a rule set, as readable lines (empty when valid). Templates are parsed here. */
export function checkRules(rules: readonly RoutingRule[], knownTypes?: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    const at = `rule ${r.event || '(no event)'}`;
    if (!RULE_KEY.test(r.event)) problems.push(`${at}: "event" must be a type, "family.*" or "@context"`);
    if (seen.has(r.event)) problems.push(`${at}: declared twice`);
    seen.add(r.event);
    if (knownTypes && !r.event.includes('*') && !r.event.startsWith('@') && !knownTypes.has(r.event)) {
      problems.push(`${at}: no such event type in the catalogue`);
    }
    for (const a of r.notify) {
      if (a.channels.length === 0) problems.push(`${at}: audience ${a.who.to} has no channel`);
      for (const c of a.channels) if (!CHANNELS.includes(c)) problems.push(`${at}: unknown channel "${String(c)}"`);
      if (a.who.to === 'originating-officer' && a.channels.includes('webhook')) problems.push(`${at}: webhooks go to bureaus, not officers`);
      if (a.who.to === 'bureau-at' && !isValidPath(a.who.path)) problems.push(`${at}: bad path "${a.who.path}"`);
    }
    for (const p of [r.case?.originatingBureau, r.case?.targetBureaus, r.case?.inheritFrom?.idPath]) {
      if (p !== undefined && !isValidPath(p)) problems.push(`${at}: bad case path "${p}"`);
    }
    if (r.notify.length > 0 && !r.templates) problems.push(`${at}: notifies someone but has no templates`);
    try {
      compileRule(r);
    } catch (e) {
      problems.push(`${at}: ${(e as Error).message}`);
    }
  }
  return problems;
}

/** Parses a rule's templates (zh and en, subject and body); throws TemplateError. */
export function compileRule(rule: RoutingRule): CompiledRule {
  if (!rule.templates) return { ...rule };
  const compiled = {} as Record<Locale, { subject: CompiledTemplate; body: CompiledTemplate }>;
  for (const locale of LOCALES) {
    const t = rule.templates[locale];
    if (!t || typeof t.subject !== 'string' || typeof t.body !== 'string') {
      throw new TemplateError(`${rule.event}/${locale}`, 'needs a subject and a body');
    }
    compiled[locale] = {
      subject: compileTemplate(t.subject, `${rule.event}/${locale}/subject`),
      body: compileTemplate(t.body, `${rule.event}/${locale}/body`),
    };
  }
  return { ...rule, compiled };
}

/** The rule for an event: exact type, else the longest matching family, else its context. */
export function matchRule<R extends RoutingRule>(rules: readonly R[], type: string, context?: string): R | undefined {
  const exact = rules.find((r) => r.event === type);
  if (exact) return exact;
  const family = rules
    .filter((r) => r.event.endsWith('.*') && type.startsWith(r.event.slice(0, -1)))
    .sort((a, b) => b.event.length - a.event.length)[0];
  if (family) return family;
  return context === undefined ? undefined : rules.find((r) => r.event === `@${context}`);
}
