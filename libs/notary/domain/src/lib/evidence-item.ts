import type { DomainEvent } from '@yrd/event-log';
import { NotaryEventType, NotaryPayload } from './notary.events';

/**
 * One notarized entry (evidence file or audit checkpoint) and its chain of custody, as a
 * decide/evolve aggregate on stream `evidence-<entryId>`. Time is passed in with each command,
 * so `decide` is pure.
 */

// ── events ────────────────────────────────────────────────────────────────────────────────────
type EvidenceEventType = Exclude<NotaryEventType, 'notary.tree-head-signed'>;
type Ev<T extends EvidenceEventType> = DomainEvent<T, NotaryPayload<T>>;
const ev = <T extends EvidenceEventType>(
  type: T,
  data: NotaryPayload<T>,
): DomainEvent<T, NotaryPayload<T>> => ({ type, data });

export type EvidenceNotarized = Ev<'evidence.notarized'>;
export type CheckpointNotarized = Ev<'notary.checkpoint-notarized'>;
export type EvidenceAccessed = Ev<'evidence.accessed'>;
export type EvidenceDownloaded = Ev<'evidence.downloaded'>;
export type EvidenceShared = Ev<'evidence.shared'>;
export type EvidenceVerified = Ev<'evidence.verified'>;
export type EvidenceEvent = EvidenceNotarized | CheckpointNotarized | EvidenceAccessed | EvidenceDownloaded | EvidenceShared | EvidenceVerified;

// ── state ─────────────────────────────────────────────────────────────────────────────────────
export interface EvidenceState {
  entryId?: string;
  kind?: 'evidence' | 'checkpoint';
  ownerBureau?: string;
  sharedWith: string[];
  sha256?: string;
  leafIndex?: number;
  downloads: number;
  verifications: number;
}

export const initialEvidenceState = (): EvidenceState => ({ sharedWith: [], downloads: 0, verifications: 0 });

export function evolveEvidence(state: EvidenceState, event: EvidenceEvent): EvidenceState {
  switch (event.type) {
    case 'evidence.notarized':
      return { ...state, entryId: event.data.entry.entryId, kind: 'evidence', ownerBureau: event.data.ownerBureau, sha256: event.data.entry.sha256, leafIndex: event.data.leafIndex };
    case 'notary.checkpoint-notarized':
      return { ...state, entryId: event.data.entry.entryId, kind: 'checkpoint', sha256: event.data.entry.sha256, leafIndex: event.data.leafIndex };
    case 'evidence.shared':
      return state.sharedWith.includes(event.data.toBureau) ? state : { ...state, sharedWith: [...state.sharedWith, event.data.toBureau] };
    case 'evidence.downloaded':
      return { ...state, downloads: state.downloads + 1 };
    case 'evidence.verified':
      return { ...state, verifications: state.verifications + 1 };
    case 'evidence.accessed':
      return state;
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}

export const evidenceAggregate = { initialState: initialEvidenceState, evolve: evolveEvidence };

// ── commands ──────────────────────────────────────────────────────────────────────────────────
/** Who acts; auditors and admins may read every bureau's evidence, others their own and shared. */
export interface Caller {
  userId: string;
  bureau: string;
  role: 'officer' | 'bureau' | 'auditor' | 'admin' | 'system';
}

export type EvidenceErrorCode = 'not-found' | 'already-notarized' | 'forbidden' | 'invalid';
export interface EvidenceError {
  code: EvidenceErrorCode;
  message: string;
}
export type EvidenceDecision = { ok: true; value: EvidenceEvent[] } | { ok: false; error: EvidenceError };

const accept = (...events: EvidenceEvent[]): EvidenceDecision => ({ ok: true, value: events });
const refuse = (code: EvidenceErrorCode, message: string): EvidenceDecision => ({ ok: false, error: { code, message } });

export function canRead(state: EvidenceState, caller: Caller): boolean {
  if (caller.role === 'auditor' || caller.role === 'admin' || caller.role === 'system') return true;
  if (state.kind === 'checkpoint') return false;
  return caller.bureau === state.ownerBureau || state.sharedWith.includes(caller.bureau);
}

function readable(state: EvidenceState, caller: Caller): EvidenceError | undefined {
  if (state.entryId === undefined) return { code: 'not-found', message: 'no such evidence entry' };
  // Not-found rather than forbidden: another bureau's evidence is not even confirmed to exist.
  if (!canRead(state, caller)) return { code: 'not-found', message: 'no such evidence entry' };
  return undefined;
}

export const decideEvidence = {
  notarize: (payload: NotaryPayload<'evidence.notarized'>) => (state: EvidenceState): EvidenceDecision =>
    state.entryId !== undefined ? refuse('already-notarized', `entry ${state.entryId} is already notarized`) : accept(ev('evidence.notarized', payload)),

  notarizeCheckpoint: (payload: NotaryPayload<'notary.checkpoint-notarized'>) => (state: EvidenceState): EvidenceDecision =>
    state.entryId !== undefined ? refuse('already-notarized', `entry ${state.entryId} is already notarized`) : accept(ev('notary.checkpoint-notarized', payload)),

  access: (caller: Caller, purpose: 'receipt' | 'metadata' | 'proof', now: Date) => (state: EvidenceState): EvidenceDecision => {
    const error = readable(state, caller);
    if (error) return { ok: false, error };
    return accept(ev('evidence.accessed', { entryId: state.entryId as string, userId: caller.userId, bureau: caller.bureau, purpose, accessedAt: now.toISOString() }));
  },

  download: (caller: Caller, now: Date) => (state: EvidenceState): EvidenceDecision => {
    const error = readable(state, caller);
    if (error) return { ok: false, error };
    if (state.kind !== 'evidence') return refuse('invalid', 'a checkpoint has no file to download');
    return accept(
      ev('evidence.downloaded', { entryId: state.entryId as string, userId: caller.userId, bureau: caller.bureau, sha256: state.sha256 as string, downloadedAt: now.toISOString() }),
    );
  },

  share: (caller: Caller, toBureau: string, reason: string | undefined, now: Date) => (state: EvidenceState): EvidenceDecision => {
    const error = readable(state, caller);
    if (error) return { ok: false, error };
    // Who may act before what the entry is: only its owning bureau shares (a checkpoint has none).
    if (caller.bureau !== state.ownerBureau) return refuse('forbidden', 'only the owning bureau shares its evidence');
    if (state.kind !== 'evidence') return refuse('invalid', 'checkpoints are not shared');
    if (!/^\d{6}$/.test(toBureau)) return refuse('invalid', 'toBureau must be a 6-digit division code');
    if (toBureau === state.ownerBureau) return refuse('invalid', 'evidence is not shared with its own bureau');
    if (state.sharedWith.includes(toBureau)) return accept(); // already shared: nothing new happened
    return accept(
      ev('evidence.shared', {
        entryId: state.entryId as string,
        fromBureau: state.ownerBureau as string,
        toBureau,
        userId: caller.userId,
        ...(reason ? { reason } : {}),
        sharedAt: now.toISOString(),
      }),
    );
  },

  recordVerification: (caller: Caller, checkedSha256: string, reasons: string[], now: Date) => (state: EvidenceState): EvidenceDecision => {
    if (state.entryId === undefined) return refuse('not-found', 'no such evidence entry');
    return accept(
      ev('evidence.verified', {
        entryId: state.entryId,
        userId: caller.userId,
        bureau: caller.bureau,
        outcome: reasons.length === 0 ? 'verified' : 'failed',
        reasons: reasons.slice(0, 20).map((r) => r.slice(0, 500)),
        checkedSha256,
        verifiedAt: now.toISOString(),
      }),
    );
  },
};

export const evidenceStreamId = (entryId: string): string => `evidence-${entryId}`;
