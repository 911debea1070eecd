import { Inject, Injectable, Logger, OnModuleInit, UnprocessableEntityException } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import { EventBackbone } from '@yrd/backbone';
import { HolidayCalendar, HolidayNoticeError, type HolidayNotice } from '@yrd/calendar';
import { Assistance, DomainContext, Referral } from '@yrd/referral-domain';
import { DOMAIN_CONTEXT, systemActor } from '../domain-context';
import { ReferralProjections } from '../projections/projection-consumer';
import { Repositories } from '../repositories';

interface StoredNotice extends HolidayNotice {
  _id: number;
  loadedAt: string;
  loadedBy: string;
}

export interface LoadYearResult {
  year: number;
  /** Deadlines that changed, by kind: each change is a `*.deadline-recomputed` event. */
  recomputed: { referrals: number; assistance: number };
}

/**
 * Loading a newer year's State Council holiday notice (e.g. 2027, which no data package carries
 * yet): checked, stored (`calendar_notices`, reloaded at start-up), put into the process calendar
 * the deciders use, then every open item with a provisional deadline is recomputed.
 */
@Injectable()
export class CalendarAdmin implements OnModuleInit {
  private readonly log = new Logger(CalendarAdmin.name);
  private readonly notices: Collection<StoredNotice>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly backbone: EventBackbone,
    private readonly repos: Repositories,
    private readonly projections: ReferralProjections,
    @Inject(DOMAIN_CONTEXT) private readonly context: DomainContext,
  ) {
    this.notices = connection.collection<StoredNotice>('calendar_notices') as unknown as Collection<StoredNotice>;
  }

  async onModuleInit(): Promise<void> {
    const stored = await this.notices.find({}).sort({ _id: 1 }).toArray();
    for (const n of stored) this.context.calendar.loadYear({ year: n.year, holidays: n.holidays, workdays: n.workdays, source: n.source });
    if (stored.length > 0) this.log.log(`holiday notices loaded from the store: ${stored.map((n) => n.year).join(', ')}`);
  }

  async loadYear(notice: HolidayNotice, loadedBy: string, now = new Date()): Promise<LoadYearResult> {
    try {
      new HolidayCalendar([notice]); // validates without touching the live calendar
    } catch (e) {
      // The notice matched the schema; its days do not fit the year: refused as content.
      if (e instanceof HolidayNoticeError) throw new UnprocessableEntityException(`holiday notice: ${e.message}`);
      throw e;
    }
    const { year, holidays, workdays, source } = notice;
    await this.notices.updateOne(
      { _id: year },
      { $set: { year, holidays: [...holidays], workdays: [...workdays], source, loadedAt: now.toISOString(), loadedBy } },
      { upsert: true },
    );
    this.context.calendar.loadYear(notice);
    return { year, recomputed: await this.recomputeProvisional(now) };
  }

  private async recomputeProvisional(now: Date): Promise<LoadYearResult['recomputed']> {
    const meta = () => this.backbone.metadata(systemActor('YRD-SYSTEM'), null, now);
    let referrals = 0;
    let assistance = 0;
    const openReferrals = await this.projections.referrals.collection
      .find({ provisional: true, status: { $ne: 'closed' } } as never, { projection: { streamId: 1 } })
      .toArray();
    for (const v of openReferrals) {
      const o = await this.repos.referrals.handle(
        v.streamId,
        (s) => Referral.decide({ type: 'RecomputeReferralDeadline', data: {} }, s, now, this.context),
        meta(),
      );
      if (o.ok) referrals += o.events.length;
    }
    const openAssistance = await this.projections.assistance.collection
      .find({ provisional: true, status: 'requested' } as never, { projection: { streamId: 1 } })
      .toArray();
    for (const v of openAssistance) {
      const o = await this.repos.assistance.handle(
        v.streamId,
        (s) => Assistance.decide({ type: 'RecomputeAssistanceDeadline', data: {} }, s, now, this.context),
        meta(),
      );
      if (o.ok) assistance += o.events.length;
    }
    return { referrals, assistance };
  }
}
