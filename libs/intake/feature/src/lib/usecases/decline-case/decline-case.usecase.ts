import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, CLUE_STREAMS, EVENT_METADATA, type Clock, type ClueStreams, type MetadataFactory } from '../../ports/clue-streams';
import { appended, decideOnClue, type AppendedEvent } from '../clue-command';
import type { DeclineCaseCommand } from './decline-case.command';

export interface DeclineCaseResult {
  clueId: string;
  status: 'declined';
  decidedOn: string;
  withinDeadline: boolean;
  events: AppendedEvent[];
}

@Injectable()
export class DeclineCaseUseCase {
  constructor(
    @Inject(CLUE_STREAMS) private readonly streams: ClueStreams,
    @Inject(EVENT_METADATA) private readonly metadata: MetadataFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: DeclineCaseCommand): Promise<DeclineCaseResult> {
    const { events } = await decideOnClue({ streams: this.streams, metadata: this.metadata }, c.clueId, c.actor, this.clock.now(), {
      type: 'DeclineCase',
      data: { by: c.actor.bureau, reason: c.reason, approvedBy: c.approvedBy },
    });
    const p = events[0]?.payload ?? {};
    return {
      clueId: c.clueId,
      status: 'declined',
      decidedOn: String(p['decidedOn']),
      withinDeadline: p['withinDeadline'] === true,
      events: appended(events),
    };
  }
}
