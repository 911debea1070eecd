import type { EventEnvelope } from '@yrd/contracts';
import { readPath, readStrings } from './paths';
import type { CaseFacts, RoutingRule } from './routing-rule';

/**
 * What the router remembers of a stream (a clue, a referral, an assistance request, a campaign):
 * who started it and who it is aimed at. `referral.accepted` names only the accepting bureau;
 * the file says whom to tell. Guarded by stream version, so a redelivered event changes nothing.
 */
export interface CaseFile {
  streamId: string;
  version: number;
  originatingBureau?: string;
  originatingOfficer?: { userId: string; bureau: string };
  targetBureaus: string[];
}

export const emptyCaseFile = (streamId: string): CaseFile => ({ streamId, version: 0, targetBureaus: [] });

/** The stream whose file this event inherits from (e.g. the clue of a referral), if any. */
export function inheritedStreamOf(event: EventEnvelope, facts: CaseFacts | undefined): string | undefined {
  const from = facts?.inheritFrom;
  if (!from) return undefined;
  const id = readPath(event, from.idPath);
  return typeof id === 'string' && id.length > 0 ? `${from.streamPrefix}${id}` : undefined;
}

/** Folds one event into its stream's file (a no-op for an event at or below the file's version). */
export function evolveCaseFile(file: CaseFile, event: EventEnvelope, facts: CaseFacts | undefined, inherited?: CaseFile): CaseFile {
  if (event.streamVersion <= file.version) return file;
  const next: CaseFile = { ...file, version: event.streamVersion, targetBureaus: [...file.targetBureaus] };
  if (inherited) {
    next.originatingBureau ??= inherited.originatingBureau;
    next.originatingOfficer ??= inherited.originatingOfficer;
  }
  if (facts?.originatingBureau) {
    const [code] = readStrings(event, facts.originatingBureau);
    if (code) next.originatingBureau = code;
  }
  if (facts?.originatingOfficer === 'actor' && event.actor.role === 'officer') {
    next.originatingOfficer = { userId: event.actor.userId, bureau: event.actor.bureau };
  }
  if (facts?.targetBureaus) {
    const targets = readStrings(event, facts.targetBureaus);
    if (targets.length > 0) next.targetBureaus = [...new Set(targets)];
  }
  return next;
}

const CASE_AUDIENCES = new Set(['target-bureaus', 'originating-bureau', 'originating-officer', 'supervisors']);

/**
 * Whether routing an event under this rule needs its stream's case file (facts to record, case
 * parties to notify, or `case.` in a template). If not, the router skips the lookup entirely.
 */
export function usesCaseFile(rule: RoutingRule | undefined): boolean {
  if (!rule) return false;
  if (rule.case) return true;
  if (rule.notify.some((a) => CASE_AUDIENCES.has(a.who.to))) return true;
  return Object.values(rule.templates ?? {}).some((t) => `${t.subject}${t.body}`.includes('case.'));
}

/** Whether an evolved file differs in who is involved (a version bump alone is not worth a write). */
export function partiesChanged(before: CaseFile, after: CaseFile): boolean {
  return (
    before.originatingBureau !== after.originatingBureau ||
    before.originatingOfficer?.userId !== after.originatingOfficer?.userId ||
    before.originatingOfficer?.bureau !== after.originatingOfficer?.bureau ||
    before.targetBureaus.join(',') !== after.targetBureaus.join(',')
  );
}
