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
 * Everyone acts as their own bureau (`principal.bureau`), never as another. Designation (指定管辖)
 * is the authority's the dispute named: a user of the common superior's bureau (e.g. 320000 for a
 * Nanjing–Wujiang dispute); for a cross-province dispute (the joint mechanism `YRD-JOINT`) an
 * `admin`, the mechanism's coordinator — recorded as the admin's own bureau and user. The decider
 * checks the actor first, then the state (receiver only, authority only, reason required…).
 */
export function commandFor(action: ReferralAction, principal: Principal): Referral.ReferralCommand {
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
        data: {
          by,
          designatedBureau: action.designatedBureau,
          ...(action.reason ? { reason: action.reason } : {}),
          ...(principal.role === 'admin' ? { jointMechanismCoordinator: true } : {}),
        },
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

@Injectable()
export class ReferralCommands {
  constructor(
    private readonly backbone: EventBackbone,
    private readonly repos: Repositories,
    @Inject(DOMAIN_CONTEXT) private readonly context: DomainContext,
  ) {}

  async execute(referralId: string, action: ReferralAction, principal: Principal, now = new Date()): Promise<CommandResult<State>> {
    const streamId = referralStream(referralId);
    const command = commandFor(action, principal);
    // The envelope records the caller as who they are: their own user, role and bureau.
    return runCommand(this.backbone, this.repos.referrals, { id: referralId, streamId }, actorOf(principal), (s) =>
      Referral.decide(command, s, now, this.context),
    );
  }
}
