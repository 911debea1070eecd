import { Inject, Injectable } from '@nestjs/common';
import type { Deadline } from '@yrd/referral-domain';
import { CLOCK, CLUE_STREAMS, EVENT_METADATA, type Clock, type ClueStreams, type MetadataFactory } from '../../ports/clue-streams';
import { deadlineView, type DeadlineView } from '../../views/clue-presenter';
import { appended, decideOnClue, type AppendedEvent } from '../clue-command';
import type { ExtendCheckCommand } from './extend-check.command';

export interface ExtendCheckResult {
  clueId: string;
  previousDueDate: string;
  checkDeadline: DeadlineView;
  events: AppendedEvent[];
}

@Injectable()
export class ExtendCheckUseCase {
  constructor(
    @Inject(CLUE_STREAMS) private readonly streams: ClueStreams,
    @Inject(EVENT_METADATA) private readonly metadata: MetadataFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: ExtendCheckCommand): Promise<ExtendCheckResult> {
    const now = this.clock.now();
    const { events } = await decideOnClue({ streams: this.streams, metadata: this.metadata }, c.clueId, c.actor, now, {
      type: 'ExtendCheck',
      data: { by: c.actor.bureau, approvedBy: c.approvedBy, reason: c.reason },
    });
    const p = events[0]?.payload ?? {};
    return {
      clueId: c.clueId,
      previousDueDate: String(p['previousDueDate']),
      checkDeadline: deadlineView(p['checkDeadline'] as Deadline, 'checking', now),
      events: appended(events),
    };
  }
}
