import { Inject, Injectable } from '@nestjs/common';
import { chinaDateOf } from '@yrd/calendar';
import { compact } from '@yrd/referral-domain';
import { CLOCK, type Clock } from '../../ports/clue-streams';
import { clueSummary, type ClueSummary } from '../../views/clue-presenter';
import { CLUE_VIEW_READER, type ClueViewReader } from '../../views/clue-view.store';
import { encodeCursor, type ListCluesCommand } from './list-clues.command';

export interface ClueList {
  items: ClueSummary[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
  limit: number;
}

@Injectable()
export class ListCluesUseCase {
  constructor(
    @Inject(CLUE_VIEW_READER) private readonly views: ClueViewReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: ListCluesCommand): Promise<ClueList> {
    const now = this.clock.now();
    const docs = await this.views.list({
      ...compact({ ...c.filters, before: c.before }),
      scope: c.scope,
      today: chinaDateOf(now),
      limit: c.limit + 1,
    });
    const page = docs.slice(0, c.limit);
    const referrals = await this.views.referralsOf(page.filter((d) => d.referred).map((d) => d._id));
    const last = page[page.length - 1];
    return {
      items: page.map((d) => clueSummary(d, referrals.get(d._id), now)),
      ...(docs.length > c.limit && last && { nextCursor: encodeCursor(last._id) }),
      limit: c.limit,
    };
  }
}
