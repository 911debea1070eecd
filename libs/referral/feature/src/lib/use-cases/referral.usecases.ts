import { Inject, Injectable } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { Principal } from '@yrd/auth';
import { DomainContext, Referral } from '@yrd/referral-domain';
import { DOMAIN_CONTEXT } from '../domain-context';
import { Repositories } from '../repositories';
import { referralStream } from '../streams';
import { actorOf, CommandResult, runCommand } from './command-runner';

type State = Referral.ReferralState;
export type ReferralAction =
  | { type: 'accept' }
  | { type: 'reject'; reason: string }
  | { type: 'dispute'; reason: string }
  | { type: 'designate'; designatedBureau: string; reason?: string }
  | { type: 'transfer'; toBureau: string }
  | {
      type: 'feedback';
      outcome: Referral.HandlingOutcome;
      handlingResult: string;
      caseNumber?: string;
      penaltyDecisionRef?: string;
    }
  | { type: 'close' };

/**
 * Who acts for whom: officers and bureau users act for their own bureau (`principal.bureau`).
 * Designation (指定管辖) is the designating authority's: a user of the common superior's bureau
 * (e.g. role `bureau` with 320000 for a Nanjing–Wujiang dispute), or an `admin`, who acts for
 * whatever authority the dispute named — the joint mechanism `YRD-JOINT` for cross-province
 * disputes, or the common superior. The decider checks the rest (receiver only, reason required…).
 */
export function commandFor(action: ReferralAction, principal: Principal, state: State): Referral.ReferralCommand {
  const by = principal.bureau;
  switch (action.type) {
    case 'accept':
      return { type: 'AcceptReferral', data: { by } };
    case 'reject':
      return { type: 'RejectReferral', data: { by, reason: action.reason } };
    case 'dispute':
      return { type: 'DisputeJurisdiction', data: { by, reason: action.reason } };
    case 'designate': {
      return {
        type: 'DesignateJurisdiction',
        data: { by: designatorFor(principal, state), designatedBureau: action.designatedBureau, ...(action.reason ? { reason: action.reason } : {}) },
      };
    }
    case 'transfer':
      return { type: 'TransferReferral', data: { by, toBureau: action.toBureau } };
    case 'feedback': {
      const { type: _t, ...rest } = action;
      return { type: 'SubmitFeedback', data: { by, ...rest } };
    }
    case 'close':
      return { type: 'CloseReferral', data: { by } };
    default: {
      const _exhaustive: never = action;
      return _exhaustive;
    }
  }
}

/** The authority an admin designates for (the one the dispute named), else the caller's bureau. */
export function designatorFor(principal: Principal, state: State): string {
  if (principal.role !== 'admin') return principal.bureau;
  return (state.status !== 'none' ? state.designatingAuthority : undefined) ?? 'YRD-JOINT';
}

@Injectable()
export class ReferralCommands {
  constructor(
    private readonly backbone: EventBackbone,
    private readonly repos: Repositories,
    @Inject(DOMAIN_CONTEXT) private readonly context: DomainContext,
  ) {}

  async execute(referralId: string, action: ReferralAction, principal: Principal, now = new Date()): Promise<CommandResult<State>> {
    const streamId = referralStream(referralId);
    // The envelope's actor acts for the bureau (or authority, for an admin designating) named as `by`.
    const by =
      action.type === 'designate' && principal.role === 'admin'
        ? designatorFor(principal, (await this.repos.referrals.load(streamId)).state)
        : principal.bureau;
    return runCommand(this.backbone, this.repos.referrals, { id: referralId, streamId }, actorOf(principal, by), (s) =>
      Referral.decide(commandFor(action, principal, s), s, now, this.context),
    );
  }
}
