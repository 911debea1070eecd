import { fail, ok, type Result } from '@yrd/referral-domain';
import type { NaturalPerson } from './masking';

/**
 * A joint bulletin (信息通报): proposed by one bureau, co-signed by every co-issuing region, published
 * only when all have signed; withdrawn or corrected with a reason, never edited in place.
 */
export type Kind = 'typical-case' | 'problem' | 'risk-alert';
export type Audience = { kind: 'delta' } | { kind: 'regions'; regions: string[] } | { kind: 'public' };

export interface Content {
  kind: Kind;
  title: string;
  body: string;
  category: string;
  industry: string;
  relatedCases: string[];
  /** Notary evidence entry ids. */
  attachments: string[];
  audience: Audience;
  persons: NaturalPerson[];
}

/** A bureau's signature over the canonical content (the feature layer signs and verifies it). */
export interface Signature {
  bureau: string;
  keyId: string;
  value: string;
}

export type Event =
  | { type: 'bulletin.proposed'; data: { bulletinId: string; issuer: string; coIssuers: string[]; content: Content; signature: Signature } }
  | { type: 'bulletin.cosigned'; data: { bulletinId: string; bureau: string; signature: Signature } }
  | { type: 'bulletin.refused'; data: { bulletinId: string; bureau: string; reason: string; signature: Signature } }
  | { type: 'bulletin.published'; data: { bulletinId: string; revision: number; publishedAt: string } }
  | { type: 'bulletin.corrected'; data: { bulletinId: string; revision: number; content: Content; reason: string; correctedAt: string } }
  | { type: 'bulletin.withdrawn'; data: { bulletinId: string; reason: string; withdrawnAt: string } }
  | { type: 'bulletin.acknowledged'; data: { bulletinId: string; bureau: string; at: string } };

export type Status = 'none' | 'awaiting-signatures' | 'refused' | 'published' | 'withdrawn';

export interface State {
  status: Status;
  bulletinId?: string;
  issuer?: string;
  coIssuers: string[];
  signedBy: string[];
  refusal?: { bureau: string; reason: string };
  content?: Content;
  revision: number;
  acknowledgedBy: string[];
}

export const initialState: State = { status: 'none', coIssuers: [], signedBy: [], revision: 0, acknowledgedBy: [] };

export function evolve(s: State, e: Event): State {
  switch (e.type) {
    case 'bulletin.proposed':
      return { ...s, status: 'awaiting-signatures', bulletinId: e.data.bulletinId, issuer: e.data.issuer, coIssuers: e.data.coIssuers, signedBy: [e.data.issuer], content: e.data.content, revision: 1 };
    case 'bulletin.cosigned':
      return { ...s, signedBy: [...s.signedBy, e.data.bureau] };
    case 'bulletin.refused':
      return { ...s, status: 'refused', refusal: { bureau: e.data.bureau, reason: e.data.reason } };
    case 'bulletin.published':
      return { ...s, status: 'published' };
    case 'bulletin.corrected':
      return { ...s, content: e.data.content, revision: e.data.revision };
    case 'bulletin.withdrawn':
      return { ...s, status: 'withdrawn' };
    case 'bulletin.acknowledged':
      return { ...s, acknowledgedBy: [...s.acknowledgedBy, e.data.bureau] };
  }
}

export type ErrorCode = 'INVALID' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'NOT_A_CO_ISSUER' | 'ALREADY_SIGNED' | 'WRONG_STATE' | 'NOT_ISSUER' | 'NOT_IN_AUDIENCE';
export interface Refusal {
  code: ErrorCode;
  message: string;
}
export type Decision = Result<Event[], Refusal>;

const no = (code: ErrorCode, message: string): Decision => fail({ code, message });

export type Command =
  | { type: 'propose'; bulletinId: string; issuer: string; coIssuers: string[]; content: Content; signature: Signature }
  | { type: 'sign'; bureau: string; signature: Signature }
  | { type: 'refuse'; bureau: string; reason: string; signature: Signature }
  | { type: 'correct'; bureau: string; content: Content; reason: string }
  | { type: 'withdraw'; bureau: string; reason: string }
  | { type: 'acknowledge'; bureau: string; inAudience: boolean };

/** Published when the last co-issuer signs; a refusal stops it for good (a new draft is needed). */
export function decide(c: Command, s: State, now: Date): Decision {
  const at = now.toISOString();
  if (c.type === 'propose') {
    if (s.status !== 'none') return no('ALREADY_EXISTS', `bulletin ${c.bulletinId} exists`);
    if (!c.content.title.trim() || !c.content.body.trim()) return no('INVALID', 'title and body are required');
    const coIssuers = [...new Set(c.coIssuers)].filter((b) => b !== c.issuer);
    const events: Event[] = [{ type: 'bulletin.proposed', data: { bulletinId: c.bulletinId, issuer: c.issuer, coIssuers, content: c.content, signature: c.signature } }];
    // A bulletin of one bureau alone needs no co-signature.
    if (coIssuers.length === 0) events.push({ type: 'bulletin.published', data: { bulletinId: c.bulletinId, revision: 1, publishedAt: at } });
    return ok(events);
  }
  if (s.status === 'none' || !s.bulletinId) return no('NOT_FOUND', 'no such bulletin');
  const id = s.bulletinId;
  switch (c.type) {
    case 'sign':
    case 'refuse': {
      if (s.status !== 'awaiting-signatures') return no('WRONG_STATE', `the bulletin is ${s.status}, not awaiting signatures`);
      if (!s.coIssuers.includes(c.bureau)) return no('NOT_A_CO_ISSUER', `${c.bureau} is not a co-issuer`);
      if (s.signedBy.includes(c.bureau)) return no('ALREADY_SIGNED', `${c.bureau} has already signed`);
      if (c.type === 'refuse') {
        if (!c.reason.trim()) return no('INVALID', 'a refusal needs a reason');
        return ok([{ type: 'bulletin.refused', data: { bulletinId: id, bureau: c.bureau, reason: c.reason.trim(), signature: c.signature } }]);
      }
      const events: Event[] = [{ type: 'bulletin.cosigned', data: { bulletinId: id, bureau: c.bureau, signature: c.signature } }];
      const allSigned = s.coIssuers.every((b) => b === c.bureau || s.signedBy.includes(b));
      if (allSigned) events.push({ type: 'bulletin.published', data: { bulletinId: id, revision: s.revision, publishedAt: at } });
      return ok(events);
    }
    case 'correct':
    case 'withdraw':
      if (c.bureau !== s.issuer) return no('NOT_ISSUER', 'only the issuing bureau may correct or withdraw it');
      if (s.status !== 'published') return no('WRONG_STATE', `the bulletin is ${s.status}, not published`);
      if (!c.reason.trim()) return no('INVALID', 'a reason is required');
      return c.type === 'withdraw'
        ? ok([{ type: 'bulletin.withdrawn', data: { bulletinId: id, reason: c.reason.trim(), withdrawnAt: at } }])
        : ok([{ type: 'bulletin.corrected', data: { bulletinId: id, revision: s.revision + 1, content: c.content, reason: c.reason.trim(), correctedAt: at } }]);
    case 'acknowledge':
      if (s.status !== 'published') return no('WRONG_STATE', `the bulletin is ${s.status}, not published`);
      if (!c.inAudience) return no('NOT_IN_AUDIENCE', `${c.bureau} is not in the bulletin's audience`);
      // Acknowledging twice changes nothing.
      return ok(s.acknowledgedBy.includes(c.bureau) ? [] : [{ type: 'bulletin.acknowledged', data: { bulletinId: id, bureau: c.bureau, at } }]);
  }
}

/** The audience bureaus that have not acknowledged a published bulletin yet. */
export function unacknowledged(s: State, audienceBureaus: readonly string[]): string[] {
  return s.status === 'published' ? audienceBureaus.filter((b) => b !== s.issuer && !s.acknowledgedBy.includes(b)) : [];
}
