import { eventCatalog, type CataloguedEventType } from '@yrd/contracts';
import type { Bulletin } from '@yrd/bulletin-domain';
import type { DiscretionStandardPublished } from '@yrd/discretion-domain';
import type { ExemptionListPublished } from '@yrd/exemption-domain';
import type { EvidenceEvent, TreeHeadSigned } from '@yrd/notary-domain';
// The coverage test must see every producer's declared events, the notification's included.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { DeliveryEvent } from '@yrd/notification-domain';
import type { Assistance, Clue, JointAction, Referral } from '@yrd/referral-domain';
import type { PenaltyDecision, Recognition, Sanction } from '@yrd/sanctions-domain';

/**
 * Every event type a decider can emit, from the domains' own event unions. A union that gains a
 * type makes `EMITTED` incomplete (a compile error here); a type the catalogue lacks fails both
 * the compile-time check below and the runtime test.
 */
type Emitted =
  | Clue.ClueEvent['type']
  | Referral.ReferralEvent['type']
  | Assistance.AssistanceEvent['type']
  | JointAction.JointActionEvent['type']
  | PenaltyDecision.PenaltyDecisionEvent['type']
  | Recognition.RecognitionEvent['type']
  | Sanction.SanctionEvent['type']
  | Bulletin.Event['type']
  | EvidenceEvent['type']
  | TreeHeadSigned['type']
  | DeliveryEvent['type']
  | DiscretionStandardPublished['type']
  | ExemptionListPublished['type'];

/** A record keyed by every emitted type: the compiler holds it complete, the test reads its keys. */
const EMITTED: Record<Emitted, true> = {
  'clue.submitted': true,
  'clue.routed': true,
  'clue.kept-locally': true,
  'clue.check-extended': true,
  'clue.case-opened': true,
  'clue.case-declined': true,
  'clue.deadline-recomputed': true,
  'clue.evidence-attached': true,
  'referral.created': true,
  'referral.evidence-attached': true,
  'referral.delivered': true,
  'referral.accepted': true,
  'referral.rejected': true,
  'referral.disputed': true,
  'referral.designated': true,
  'referral.feedback-submitted': true,
  'referral.closed': true,
  'referral.overdue-escalated': true,
  'referral.deadline-recomputed': true,
  'referral.deadline-reminded': true,
  'assistance.requested': true,
  'assistance.answered': true,
  'assistance.extension-noticed': true,
  'assistance.overdue-marked': true,
  'assistance.deadline-recomputed': true,
  'assistance.deadline-reminded': true,
  'joint-action.created': true,
  'joint-action.task-started': true,
  'joint-action.task-completed': true,
  'joint-action.closed': true,
  'penalty-decision.recorded': true,
  'penalty-decision.corrected': true,
  'penalty-decision.revoked': true,
  'recognition.queued': true,
  'recognition.recognised': true,
  'recognition.declined': true,
  'sanction.imposed': true,
  'sanction.lifted': true,
  'bulletin.proposed': true,
  'bulletin.cosigned': true,
  'bulletin.refused': true,
  'bulletin.published': true,
  'bulletin.corrected': true,
  'bulletin.withdrawn': true,
  'bulletin.acknowledged': true,
  'bulletin.acknowledgement-overdue': true,
  'evidence.notarized': true,
  'notary.checkpoint-notarized': true,
  'evidence.accessed': true,
  'evidence.downloaded': true,
  'evidence.shared': true,
  'evidence.verified': true,
  'notary.tree-head-signed': true,
  'notification.delivered': true,
  'notification.failed': true,
  'notification.retry-requested': true,
  'discretion-standard.published': true,
  'exemption-list.published': true,
};

// Compile-time: an emitted type missing from the catalogue is named in the error.
type Uncatalogued = Exclude<Emitted, CataloguedEventType>;
const everyEmittedTypeIsCatalogued: [Uncatalogued] extends [never] ? true : Uncatalogued = true;

describe('the event catalogue', () => {
  it('declares every event type the deciders can emit', () => {
    expect(everyEmittedTypeIsCatalogued).toBe(true);
    const missing = Object.keys(EMITTED).filter((type) => !eventCatalog.get(type));
    expect(missing).toEqual([]);
  });

  it('holds the notary events the audit reads on the notary topic', () => {
    for (const type of ['evidence.notarized', 'evidence.shared', 'evidence.accessed', 'evidence.verified', 'notary.tree-head-signed', 'notary.checkpoint-notarized']) {
      expect(eventCatalog.require(type).context).toBe('notary');
    }
  });
});
