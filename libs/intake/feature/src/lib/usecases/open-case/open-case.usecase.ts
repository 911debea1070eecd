import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, CLUE_STREAMS, EVENT_METADATA, type Clock, type ClueStreams, type MetadataFactory } from '../../ports/clue-streams';
import { appended, decideOnClue, type AppendedEvent } from '../clue-command';
import type { OpenCaseCommand } from './open-case.command';

export interface OpenCaseResult {
  clueId: string;
  status: 'case-opened';
  caseNumber: string;
  openedOn: string;
  /** Whether the decision came within the check period (a late decision is recorded, not refused). */
  withinDeadline: boolean;
  events: AppendedEvent[];
}

@Injectable()
export class OpenCaseUseCase {
  constructor(
    @Inject(CLUE_STREAMS) private readonly streams: ClueStreams,
    @Inject(EVENT_METADATA) private readonly metadata: MetadataFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: OpenCaseCommand): Promise<OpenCaseResult> {
    const { events } = await decideOnClue({ streams: this.streams, metadata: this.metadata }, c.clueId, c.actor, this.clock.now(), {
      type: 'OpenCase',
      data: { by: c.actor.bureau, caseNumber: c.caseNumber, approvedBy: c.approvedBy },
    });
    const p = events[0]?.payload ?? {};
    return {
      clueId: c.clueId,
      status: 'case-opened',
      caseNumber: String(p['caseNumber']),
      openedOn: String(p['openedOn']),
      withinDeadline: p['withinDeadline'] === true,
      events: appended(events),
    };
  }
}
