import { Bureau, BureauRegistry, bureauRegistry, isDivisionCode, parseCreditCode } from '@yrd/bureaus';
import { DomainError, refuse, RULES } from './errors';
import { ok, Result } from './result';

/**
 * Why a clue goes where it goes:
 * - 'explicit': the officer named the target bureau;
 * - 'registration-authority': the division code in the subject's credit code (positions 3–8);
 * - 'place': the place where the violation happened.
 */
export type RoutingBasis = 'explicit' | 'registration-authority' | 'place';

export interface RoutingInput {
  discoveringBureau: string;
  suggestedTarget?: string;
  creditCode?: string;
  placeDivisionCode: string;
}

export type RoutingDecision =
  /** Transfer (移送) to another bureau. */
  | { outcome: 'refer'; target: string; basis: RoutingBasis; competentDivision: string }
  /** The competent bureau lies within the discovering bureau's own jurisdiction: no referral. */
  | { outcome: 'local'; bureau: string; competentBureau: string; basis: RoutingBasis; competentDivision: string };

/**
 * Routes a clue: explicit target, else the registration authority named by the credit code,
 * else the place of the violation; each resolved to the most specific registered bureau.
 * 'local' when that bureau is the discovering bureau or lies within its area (its own
 * jurisdiction) — except that an explicit target other than itself is always a referral.
 * A credit code registered outside the registry (e.g. Beijing) falls through to the place.
 */
export function routeClue(
  input: RoutingInput,
  registry: BureauRegistry = bureauRegistry,
): Result<RoutingDecision, DomainError> {
  const discovering = registry.findBureau(input.discoveringBureau);
  if (!discovering) return refuse('UNKNOWN_BUREAU', `discovering bureau ${input.discoveringBureau} is not registered`);

  if (input.suggestedTarget !== undefined) {
    const target = registry.findBureau(input.suggestedTarget);
    if (!target) return refuse('UNKNOWN_BUREAU', `target bureau ${input.suggestedTarget} is not registered`);
    return ok(decision(discovering, target, 'explicit', target.code, true));
  }

  if (input.creditCode !== undefined) {
    const parsed = parseCreditCode(input.creditCode);
    if (!parsed.ok) return refuse('INVALID_CREDIT_CODE', `credit code: ${parsed.reason}`);
    const registering = registry.competentBureauFor(parsed.divisionCode);
    if (registering)
      return ok(decision(discovering, registering, 'registration-authority', parsed.divisionCode, false));
  }

  if (!isDivisionCode(input.placeDivisionCode)) {
    return refuse('INVALID_COMMAND', `place division code must have six digits, got ${input.placeDivisionCode}`);
  }
  const atPlace = registry.competentBureauFor(input.placeDivisionCode);
  if (!atPlace) {
    return refuse(
      'NO_COMPETENT_BUREAU',
      `no registered bureau is competent for division ${input.placeDivisionCode}`,
      RULES.TRANSFER_TO_COMPETENT,
    );
  }
  return ok(decision(discovering, atPlace, 'place', input.placeDivisionCode, false));

  function decision(
    from: Bureau,
    competent: Bureau,
    basis: RoutingBasis,
    division: string,
    explicit: boolean,
  ): RoutingDecision {
    const local = explicit ? competent.code === from.code : registry.isWithinJurisdiction(from, competent.code);
    return local
      ? { outcome: 'local', bureau: from.code, competentBureau: competent.code, basis, competentDivision: division }
      : { outcome: 'refer', target: competent.code, basis, competentDivision: division };
  }
}
