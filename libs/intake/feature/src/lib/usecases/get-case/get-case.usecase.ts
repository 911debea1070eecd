import { Inject, Injectable } from '@nestjs/common';
import { chinaDateOf } from '@yrd/calendar';
import { DomainErrorException } from '../../http/domain-error.exception';
import { CLOCK, type Clock } from '../../ports/clue-streams';
import { clueSummary, type ClueSummary } from '../../views/clue-presenter';
import { CLUE_VIEW_READER, type ClueViewReader } from '../../views/clue-view.store';
import type { GetCaseCommand } from './get-case.command';

@Injectable()
export class GetCaseUseCase {
  constructor(
    @Inject(CLUE_VIEW_READER) private readonly views: ClueViewReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Case numbers are unique within a bureau; an auditor across bureaus gets the newest match. */
  async execute(c: GetCaseCommand): Promise<ClueSummary> {
    const now = this.clock.now();
    // A blank number (spaces only, trimmed) names no case: the store would read it as "no filter".
    const [doc] = c.caseNumber ? await this.views.list({ scope: c.scope, caseNumber: c.caseNumber, today: chinaDateOf(now), limit: 1 }) : [];
    if (!doc) {
      throw new DomainErrorException({ code: 'NOT_FOUND', message: `no case ${c.caseNumber} in your bureau` });
    }
    return clueSummary(doc, undefined, now);
  }
}
