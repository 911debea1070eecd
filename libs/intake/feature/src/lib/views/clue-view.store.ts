import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import { scopeFilter, type BureauScopeValue, type Scoped } from '@yrd/auth';
import type { Clue } from '@yrd/referral-domain';
import type { ClueReferralDoc, ClueViewDoc, ClueViewStatus } from './clue-view';

export const CLUE_VIEWS_COLLECTION = 'clue_views';
export const CLUE_REFERRALS_COLLECTION = 'clue_referrals';

/** Filters of the clue list; every query carries its bureau scope (`Scoped`). */
export interface ClueListFilter {
  status?: ClueViewStatus;
  urgency?: Clue.Urgency;
  referred?: boolean;
  overdue?: boolean;
  /** discoveredOn from (inclusive), YYYY-MM-DD. */
  from?: string;
  /** discoveredOn to (inclusive), YYYY-MM-DD. */
  to?: string;
  caseNumber?: string;
  /** Items with a clue id below this one (newest first). */
  before?: string;
  /** Today in China (for `overdue`). */
  today: string;
  limit: number;
}

/**
 * The MongoDB filter for a clue list (pure). Scope first, so no query can leave it out;
 * `overdue` = being checked here and the check deadline's last day has passed.
 */
export function clueListQuery(q: Scoped<ClueListFilter>): Record<string, unknown> {
  const and: Record<string, unknown>[] = [{ version: { $gte: 1 } }, scopeFilter(q.scope, 'bureau')];
  if (q.status) and.push({ status: q.status });
  if (q.urgency) and.push({ urgency: q.urgency });
  if (q.referred !== undefined) and.push({ referred: q.referred });
  if (q.overdue === true) and.push({ status: 'checking' }, { 'checkDeadline.dueDate': { $lt: q.today } });
  if (q.overdue === false) and.push({ $or: [{ status: { $ne: 'checking' } }, { 'checkDeadline.dueDate': { $gte: q.today } }] });
  if (q.from) and.push({ discoveredOn: { $gte: q.from } });
  if (q.to) and.push({ discoveredOn: { $lte: q.to } });
  if (q.caseNumber) and.push({ 'case.caseNumber': q.caseNumber });
  if (q.before) and.push({ _id: { $lt: q.before } });
  return { $and: and.filter((c) => Object.keys(c).length > 0) };
}

/** Read side of the clue views, for the use cases. */
export interface ClueViewReader {
  get(clueId: string): Promise<ClueViewDoc | null>;
  /** Newest first (clue ids are UUIDv7, so `_id` order is submission order). */
  list(q: Scoped<ClueListFilter>): Promise<ClueViewDoc[]>;
  referralsOf(clueIds: readonly string[]): Promise<Map<string, ClueReferralDoc>>;
}

/** Write side, for the projection only. */
export interface ClueViewWriter {
  get(clueId: string): Promise<ClueViewDoc | null>;
  put(doc: ClueViewDoc): Promise<void>;
  getReferral(referralId: string): Promise<ClueReferralDoc | null>;
  putReferral(doc: ClueReferralDoc): Promise<void>;
}

export const CLUE_VIEW_READER = Symbol('CLUE_VIEW_READER');
export const CLUE_VIEW_WRITER = Symbol('CLUE_VIEW_WRITER');

/**
 * Both collections on MongoDB / FerretDB v1. Every read is by `_id` or a bounded list query;
 * writes are whole-document replaces by `_id` from the one projection consumer that owns the
 * stream (Kafka keys by streamId), so no two writers race on a document.
 */
@Injectable()
export class MongoClueViewStore implements ClueViewReader, ClueViewWriter {
  private readonly views: Collection<ClueViewDoc>;
  private readonly referrals: Collection<ClueReferralDoc>;

  constructor(@InjectConnection() connection: Connection) {
    this.views = connection.collection<ClueViewDoc>(CLUE_VIEWS_COLLECTION) as unknown as Collection<ClueViewDoc>;
    this.referrals = connection.collection<ClueReferralDoc>(CLUE_REFERRALS_COLLECTION) as unknown as Collection<ClueReferralDoc>;
  }

  get(clueId: string): Promise<ClueViewDoc | null> {
    return this.views.findOne({ _id: clueId });
  }

  async put(doc: ClueViewDoc): Promise<void> {
    await this.views.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  list(q: Scoped<ClueListFilter>): Promise<ClueViewDoc[]> {
    return this.views.find(clueListQuery(q)).sort({ _id: -1 }).limit(q.limit).toArray();
  }

  getReferral(referralId: string): Promise<ClueReferralDoc | null> {
    return this.referrals.findOne({ _id: referralId });
  }

  async putReferral(doc: ClueReferralDoc): Promise<void> {
    await this.referrals.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async referralsOf(clueIds: readonly string[]): Promise<Map<string, ClueReferralDoc>> {
    if (clueIds.length === 0) return new Map();
    const found = await this.referrals.find({ clueId: { $in: [...clueIds] } }).toArray();
    // The latest referral per clue (a clue is referred once; keep the newest to be safe).
    const byClue = new Map<string, ClueReferralDoc>();
    for (const r of found.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))) byClue.set(r.clueId, r);
    return byClue;
  }
}

export type { BureauScopeValue };
