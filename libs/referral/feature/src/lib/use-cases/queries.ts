import { Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { assertInScope, type BureauScopeValue, type Scoped } from '@yrd/auth';
import { chinaDateOf, compareDates, type HolidayCalendar, type IsoDate } from '@yrd/calendar';
import { EventBackbone } from '@yrd/backbone';
import type { DomainContext } from '@yrd/referral-domain';
import type { Collection } from 'mongoose';
import { DOMAIN_CONTEXT } from '../domain-context';
import { jointActionProgress } from '../projections/reducers';
import { ReferralProjections } from '../projections/projection-consumer';
import type { AssistanceView, JointActionView, ReferralView, VersionedView } from '../projections/views';

export type Box = 'incoming' | 'outgoing' | 'designation' | 'all';

export interface ListQuery {
  box?: Box;
  status?: string;
  urgency?: string;
  overdue?: boolean;
  cursor?: string;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/** What the read side adds at read time: working days left (negative when late) and lateness. */
export interface DeadlineStatus {
  workingDaysLeft?: number;
  overdue: boolean;
}

type Filter = Record<string, unknown>;

interface BoxFields {
  incoming: string;
  outgoing: string;
  /** The status during which the item is still waiting for the receiver. */
  undecided: string;
}

const REFERRAL_FIELDS: BoxFields = { incoming: 'toBureau', outgoing: 'fromBureau', undecided: 'delivered' };
const ASSISTANCE_FIELDS: BoxFields = { incoming: 'requestedBureau', outgoing: 'requestingBureau', undecided: 'requested' };

export const encodeCursor = (dueKey: string, id: string): string => Buffer.from(JSON.stringify([dueKey, id])).toString('base64url');

export function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string')) return [v[0] as string, v[1] as string];
  } catch {
    // fall through
  }
  // Any string is a schema-valid cursor; one this API never returned is refused as content.
  throw new UnprocessableEntityException('cursor: not a cursor this API returned');
}

/**
 * The MongoDB filter of an inbox query. The scope is required (`Scoped`): a bureau sees what it
 * sent or received (and, in the `designation` box, disputes it must decide); `undefined` (auditor,
 * admin) sees all, and then `box` has no bureau to apply to.
 */
export function inboxFilter(q: Scoped<ListQuery>, fields: BoxFields, today: IsoDate): Filter {
  const and: Filter[] = [];
  const s = q.scope;
  if (s !== undefined) {
    switch (q.box ?? 'all') {
      case 'incoming':
        and.push({ [fields.incoming]: s });
        break;
      case 'outgoing':
        and.push({ [fields.outgoing]: s });
        break;
      case 'designation':
        and.push({ designatingAuthority: s, status: 'disputed' });
        break;
      default:
        and.push({ parties: s });
    }
  }
  if (q.status) and.push({ status: q.status });
  if (q.urgency) and.push({ urgency: q.urgency });
  const late = { status: fields.undecided, dueKey: { $lt: today } };
  if (q.overdue === true) and.push({ $or: [{ overdue: true }, late] });
  if (q.overdue === false) and.push({ overdue: { $ne: true } }, { $or: [{ status: { $ne: fields.undecided } }, { dueKey: { $gte: today } }] });
  if (q.cursor) {
    const [dueKey, id] = decodeCursor(q.cursor);
    and.push({ $or: [{ dueKey: { $gt: dueKey } }, { dueKey, _id: { $gt: id } }] });
  }
  return and.length === 0 ? {} : and.length === 1 ? (and[0] as Filter) : { $and: and };
}

/** Working days left until the due date (0 on the due date, negative after), and lateness. */
export function deadlineStatus(
  dueDate: IsoDate | undefined,
  undecided: boolean,
  markedOverdue: boolean,
  today: IsoDate,
  calendar: HolidayCalendar,
): DeadlineStatus {
  if (!dueDate) return { overdue: markedOverdue };
  const workingDaysLeft = calendar.workingDaysBetween(today, dueDate).days;
  return { workingDaysLeft, overdue: markedOverdue || (undecided && compareDates(today, dueDate) > 0) };
}

export const MAX_PAGE = 100;

@Injectable()
export class InboxQueries {
  constructor(
    private readonly projections: ReferralProjections,
    private readonly backbone: EventBackbone,
    @Inject(DOMAIN_CONTEXT) private readonly context: DomainContext,
  ) {}

  async listReferrals(q: Scoped<ListQuery>, now = new Date()): Promise<Page<ReferralView & DeadlineStatus>> {
    const today = chinaDateOf(now);
    const page = await this.page(this.projections.referrals.collection, inboxFilter(q, REFERRAL_FIELDS, today), q.limit);
    return { ...page, items: page.items.map((v) => this.referralOut(v, today)) };
  }

  async getReferral(id: string, scope: BureauScopeValue, now = new Date()) {
    const view = await this.visible(await this.projections.referrals.get(id), scope, 'referral');
    const events = await this.backbone.store.readStream(view.streamId);
    return {
      referral: this.referralOut(view, chinaDateOf(now)),
      timeline: events.map((e) => ({
        streamVersion: e.streamVersion,
        type: e.type,
        eventId: e.eventId,
        occurredAt: e.occurredAt,
        actor: e.actor,
        payload: e.payload,
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    };
  }

  async listAssistance(q: Scoped<ListQuery>, now = new Date()): Promise<Page<AssistanceView & DeadlineStatus>> {
    const today = chinaDateOf(now);
    const page = await this.page(this.projections.assistance.collection, inboxFilter(q, ASSISTANCE_FIELDS, today), q.limit);
    return { ...page, items: page.items.map((v) => this.assistanceOut(v, today)) };
  }

  async getAssistance(id: string, scope: BureauScopeValue, now = new Date()) {
    const view = await this.visible(await this.projections.assistance.get(id), scope, 'assistance request');
    return this.assistanceOut(view, chinaDateOf(now));
  }

  async listJointActions(q: Scoped<{ status?: string; limit?: number }>) {
    const filter: Filter = { ...(q.scope !== undefined ? { parties: q.scope } : {}), ...(q.status ? { status: q.status } : {}) };
    const limit = Math.min(q.limit ?? 50, MAX_PAGE);
    const docs = (await this.projections.jointActions.collection.find(filter as never).sort({ startsOn: -1, _id: 1 }).limit(limit).toArray()) as JointActionView[];
    return { items: docs.map((v) => ({ ...v, progress: jointActionProgress(v) })) };
  }

  async getJointAction(id: string, scope: BureauScopeValue) {
    const view = await this.visible(await this.projections.jointActions.get(id), scope, 'joint action');
    return { ...view, progress: jointActionProgress(view) };
  }

  /** 404 when there is no such view (yet), 403 when none of its parties is the caller's bureau. */
  private async visible<V extends VersionedView>(view: V | null, scope: BureauScopeValue, what: string): Promise<V> {
    if (!view) throw new NotFoundException(`no such ${what}`);
    assertInScope(scope, ...view.parties);
    return view;
  }

  private async page<V extends VersionedView & { dueKey: string }>(
    collection: Collection<V>,
    filter: Filter,
    limit = 20,
  ): Promise<Page<V>> {
    const n = Math.max(1, Math.min(limit, MAX_PAGE));
    const docs = (await collection.find(filter as never).sort({ dueKey: 1, _id: 1 }).limit(n + 1).toArray()) as V[];
    const items = docs.slice(0, n);
    const last = items[items.length - 1];
    return docs.length > n && last ? { items, nextCursor: encodeCursor(last.dueKey, last._id) } : { items };
  }

  private referralOut(v: ReferralView, today: IsoDate): ReferralView & DeadlineStatus {
    return { ...v, ...deadlineStatus(v.checkDeadline?.dueDate, v.status === 'delivered', v.overdue, today, this.context.calendar) };
  }

  private assistanceOut(v: AssistanceView, today: IsoDate): AssistanceView & DeadlineStatus {
    return { ...v, ...deadlineStatus(v.deadline.dueDate, v.status === 'requested', v.overdue, today, this.context.calendar) };
  }
}
