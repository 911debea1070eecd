import { fail, ok, type Result } from '@yrd/referral-domain';
import type { NaturalPerson } from '@yrd/bureaus';

/**
 * A joint bulletin (信息通报): proposed by one bureau, co-signed by every co-issuing region, published
 * only when all have signed; withdrawn or corrected with a reason, never edited in place. Every act
 * of a bureau (proposal, co-signature, refusal, correction, withdrawal) carries that bureau's
 * signature over a statement naming the revision and the content's hash (the feature signs).
 */
export type Kind = 'typical-case' | 'problem' | 'risk-alert';
export type Audience = { kind: 'delta' } | { kind: 'regions'; regions: string[] } | { kind: 'public' };

/** A file attached through the evidence notary: anyone verifies it there by its id and hash. */
export interface Attachment {
  evidenceId: string;
  name: string;
  sha256: string;
}

export interface Content {
  kind: Kind;
  title: string;
  body: string;
  category: string;
  industry: string;
  /** Penalty decisions (ids) a typical-case bulletin reports on. */
  relatedDecisions: string[];
  attachments: Attachment[];
  audience: Audience;
  /** The natural persons among the parties: masked on the public copy, kept internally. */
  persons: NaturalPerson[];
}

export interface Signature {
  alg: 'Ed25519';
  keyId: string;
  value: string;
}

/** What a bureau signs for each act: the schema tag keeps a signature from standing for anything else. */
export const STATEMENT_SCHEMA = 'yrd.bulletin/1';
export type Act = 'propose' | 'cosign' | 'refuse' | 'correct' | 'withdraw';
export interface Statement {
  schema: typeof STATEMENT_SCHEMA;
  act: Act;
  bulletinId: string;
  bureau: string;
  revision: number;
  contentSha256: string;
  reason?: string;
}

export function statementOf(act: Act, bulletinId: string, bureau: string, revision: number, contentSha256: string, reason?: string): Statement {
  return { schema: STATEMENT_SCHEMA, act, bulletinId, bureau, revision, contentSha256, ...(reason === undefined ? {} : { reason }) };
}

export type Event =
  | {
      type: 'bulletin.proposed';
      data: { bulletinId: string; issuer: string; coIssuers: string[]; audienceBureaus: string[]; content: Content; contentSha256: string; signature: Signature; proposedAt: string };
    }
  | { type: 'bulletin.cosigned'; data: { bulletinId: string; bureau: string; revision: number; contentSha256: string; signature: Signature; signedAt: string } }
  | { type: 'bulletin.refused'; data: { bulletinId: string; bureau: string; revision: number; contentSha256: string; reason: string; signature: Signature; refusedAt: string } }
  | {
      type: 'bulletin.published';
      data: { bulletinId: string; revision: number; issuer: string; coIssuers: string[]; kind: Kind; title: string; audienceBureaus: string[]; publishedAt: string };
    }
  | {
      type: 'bulletin.corrected';
      data: { bulletinId: string; revision: number; issuer: string; content: Content; contentSha256: string; reason: string; signature: Signature; audienceBureaus: string[]; correctedAt: string };
    }
  | { type: 'bulletin.withdrawn'; data: { bulletinId: string; revision: number; issuer: string; title: string; reason: string; signature: Signature; audienceBureaus: string[]; withdrawnAt: string } }
  | { type: 'bulletin.acknowledged'; data: { bulletinId: string; bureau: string; userId: string; revision: number; at: string } }
  | { type: 'bulletin.acknowledgement-overdue'; data: { bulletinId: string; revision: number; issuer: string; title: string; unread: string[]; due: string; remindedAt: string } };

export type Status = 'none' | 'awaiting-signatures' | 'refused' | 'published' | 'withdrawn';

export interface State {
  status: Status;
  bulletinId?: string;
  issuer?: string;
  coIssuers: string[];
  audienceBureaus: string[];
  signedBy: string[];
  refusal?: { bureau: string; reason: string };
  content?: Content;
  contentSha256?: string;
  revision: number;
  publishedAt?: string;
  acknowledgedBy: string[];
  /** Whether the bureaus still unread at the deadline have been reminded (once per bulletin). */
  reminded: boolean;
}

export const initialState: State = { status: 'none', coIssuers: [], audienceBureaus: [], signedBy: [], revision: 0, acknowledgedBy: [], reminded: false };

export function evolve(s: State, e: Event): State {
  switch (e.type) {
    case 'bulletin.proposed': {
      const d = e.data;
      return { ...s, status: 'awaiting-signatures', bulletinId: d.bulletinId, issuer: d.issuer, coIssuers: d.coIssuers, audienceBureaus: d.audienceBureaus, signedBy: [d.issuer], content: d.content, contentSha256: d.contentSha256, revision: 1 };
    }
    case 'bulletin.cosigned':
      return { ...s, signedBy: [...s.signedBy, e.data.bureau] };
    case 'bulletin.refused':
      return { ...s, status: 'refused', refusal: { bureau: e.data.bureau, reason: e.data.reason } };
    case 'bulletin.published':
      return { ...s, status: 'published', publishedAt: e.data.publishedAt };
    case 'bulletin.corrected':
      return { ...s, content: e.data.content, contentSha256: e.data.contentSha256, revision: e.data.revision };
    case 'bulletin.withdrawn':
      return { ...s, status: 'withdrawn' };
    case 'bulletin.acknowledged':
      return { ...s, acknowledgedBy: [...s.acknowledgedBy, e.data.bureau] };
    case 'bulletin.acknowledgement-overdue':
      return { ...s, reminded: true };
  }
}

export type ErrorCode = 'INVALID' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'NOT_A_CO_ISSUER' | 'ALREADY_SIGNED' | 'WRONG_STATE' | 'NOT_ISSUER' | 'NOT_IN_AUDIENCE';
export interface Refusal {
  code: ErrorCode;
  message: string;
}
export type Decision = Result<Event[], Refusal>;

const no = (code: ErrorCode, message: string): Decision => fail({ code, message });

/** A bureau's act with its signature over `statementOf(act, …)` for the revision it acts on. */
export interface Signed {
  signature: Signature;
  contentSha256: string;
}

export type Command =
  | ({ type: 'propose'; bulletinId: string; issuer: string; coIssuers: string[]; audienceBureaus: string[]; content: Content } & Signed)
  | ({ type: 'sign'; bureau: string } & Signed)
  | ({ type: 'refuse'; bureau: string; reason: string } & Signed)
  | ({ type: 'correct'; bureau: string; content: Content; reason: string } & Signed)
  | ({ type: 'withdraw'; bureau: string; reason: string } & Signed)
  | { type: 'acknowledge'; bureau: string; userId: string }
  /**
   * The acknowledgement deadline has passed (the feature's timer says so): remind who has not read
   * it. `acknowledgedBy`: the bureaus whose acknowledgement is recorded on a stream of its own.
   */
  | { type: 'remind-unread'; due: string; acknowledgedBy?: string[] };

/** The content rules every revision must meet. */
export function checkContent(c: Content): string | undefined {
  if (!c.title.trim() || !c.body.trim()) return 'title and body are required';
  if (c.kind === 'typical-case' && c.relatedDecisions.length === 0) return 'a typical-case bulletin names at least one penalty decision it reports on';
  if (c.audience.kind === 'regions' && c.audience.regions.length === 0) return 'an audience of some regions names at least one region';
  return undefined;
}

/** Published when the last co-issuer signs; a refusal stops it for good (a new draft is needed). */
export function decide(c: Command, s: State, now: Date): Decision {
  const at = now.toISOString();
  if (c.type === 'propose') {
    if (s.status !== 'none') return no('ALREADY_EXISTS', `bulletin ${c.bulletinId} exists`);
    const invalid = checkContent(c.content);
    if (invalid) return no('INVALID', invalid);
    const coIssuers = [...new Set(c.coIssuers)].filter((b) => b !== c.issuer);
    const proposed: Event = {
      type: 'bulletin.proposed',
      data: { bulletinId: c.bulletinId, issuer: c.issuer, coIssuers, audienceBureaus: c.audienceBureaus, content: c.content, contentSha256: c.contentSha256, signature: c.signature, proposedAt: at },
    };
    // A bulletin of one bureau alone needs no co-signature.
    if (coIssuers.length > 0) return ok([proposed]);
    return ok([proposed, published(c.bulletinId, 1, c.issuer, coIssuers, c.content, c.audienceBureaus, at)]);
  }
  if (s.status === 'none' || !s.bulletinId || !s.issuer || !s.content) return no('NOT_FOUND', 'no such bulletin');
  const id = s.bulletinId;
  switch (c.type) {
    case 'sign':
    case 'refuse': {
      // Who may act before the state: a bureau that is not a co-issuer learns nothing of the bulletin's state.
      if (!s.coIssuers.includes(c.bureau)) return no('NOT_A_CO_ISSUER', `${c.bureau} is not a co-issuer`);
      if (s.status !== 'awaiting-signatures') return no('WRONG_STATE', `the bulletin is ${s.status}, not awaiting signatures`);
      if (s.signedBy.includes(c.bureau)) return no('ALREADY_SIGNED', `${c.bureau} has already signed`);
      const signed = { bulletinId: id, bureau: c.bureau, revision: s.revision, contentSha256: c.contentSha256, signature: c.signature };
      if (c.type === 'refuse') {
        if (!c.reason.trim()) return no('INVALID', 'a refusal needs a reason');
        return ok([{ type: 'bulletin.refused', data: { ...signed, reason: c.reason.trim(), refusedAt: at } }]);
      }
      const events: Event[] = [{ type: 'bulletin.cosigned', data: { ...signed, signedAt: at } }];
      const allSigned = s.coIssuers.every((b) => b === c.bureau || s.signedBy.includes(b));
      if (allSigned) events.push(published(id, s.revision, s.issuer, s.coIssuers, s.content, s.audienceBureaus, at));
      return ok(events);
    }
    case 'correct':
    case 'withdraw': {
      if (c.bureau !== s.issuer) return no('NOT_ISSUER', 'only the issuing bureau may correct or withdraw it');
      if (s.status !== 'published') return no('WRONG_STATE', `the bulletin is ${s.status}, not published`);
      if (!c.reason.trim()) return no('INVALID', 'a reason is required');
      const common = { bulletinId: id, issuer: s.issuer, reason: c.reason.trim(), signature: c.signature, audienceBureaus: s.audienceBureaus };
      if (c.type === 'withdraw') return ok([{ type: 'bulletin.withdrawn', data: { ...common, revision: s.revision, title: s.content.title, withdrawnAt: at } }]);
      const invalid = checkContent(c.content);
      if (invalid) return no('INVALID', invalid);
      if (c.contentSha256 === s.contentSha256) return no('INVALID', 'the correction changes nothing');
      // The audience is fixed at proposal: a correction reaches exactly those who had the original.
      if (JSON.stringify(c.content.audience) !== JSON.stringify(s.content.audience)) return no('INVALID', 'a correction cannot change the audience; withdraw and issue a new bulletin');
      return ok([{ type: 'bulletin.corrected', data: { ...common, revision: s.revision + 1, content: c.content, contentSha256: c.contentSha256, correctedAt: at } }]);
    }
    // Acknowledgements commute: the feature records each on a stream of its own (one per bureau),
    // so bureaus acknowledging together never contend for the bulletin's next version.
    case 'acknowledge':
      if (!s.audienceBureaus.includes(c.bureau)) return no('NOT_IN_AUDIENCE', `${c.bureau} is not in the bulletin's audience`);
      if (s.status !== 'published') return no('WRONG_STATE', `the bulletin is ${s.status}, not published`);
      // Acknowledging twice changes nothing.
      if (s.acknowledgedBy.includes(c.bureau)) return ok([]);
      return ok([{ type: 'bulletin.acknowledged', data: { bulletinId: id, bureau: c.bureau, userId: c.userId, revision: s.revision, at } }]);
    case 'remind-unread': {
      // Once per bulletin, only while published, only if someone has not read it: a timer firing twice changes nothing.
      const unread = unacknowledged({ ...s, acknowledgedBy: [...s.acknowledgedBy, ...(c.acknowledgedBy ?? [])] });
      if (s.status !== 'published' || s.reminded || unread.length === 0) return ok([]);
      return ok([{ type: 'bulletin.acknowledgement-overdue', data: { bulletinId: id, revision: s.revision, issuer: s.issuer, title: s.content.title, unread, due: c.due, remindedAt: at } }]);
    }
  }
}

function published(bulletinId: string, revision: number, issuer: string, coIssuers: string[], content: Content, audienceBureaus: string[], at: string): Event {
  return { type: 'bulletin.published', data: { bulletinId, revision, issuer, coIssuers, kind: content.kind, title: content.title, audienceBureaus, publishedAt: at } };
}

/** The audience bureaus that have not acknowledged a published bulletin yet (its signers need not). */
export function unacknowledged(s: State): string[] {
  return s.status === 'published' ? unreadBy(s.audienceBureaus, s.signedBy, s.acknowledgedBy) : [];
}

export function unreadBy(audienceBureaus: readonly string[], signedBy: readonly string[], acknowledgedBy: readonly string[]): string[] {
  return audienceBureaus.filter((b) => !signedBy.includes(b) && !acknowledgedBy.includes(b));
}
