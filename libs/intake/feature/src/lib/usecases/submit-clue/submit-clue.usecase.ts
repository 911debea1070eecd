import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { bureauRegistry } from '@yrd/bureaus';
import { compact, Clue, type Deadline, type RoutingBasis } from '@yrd/referral-domain';
import { DomainErrorException } from '../../http/domain-error.exception';
import { CLOCK, CLUE_STREAMS, clueStreamId, EVENT_METADATA, type Clock, type ClueStreams, type MetadataFactory } from '../../ports/clue-streams';
import { deadlineView, type DeadlineView } from '../../views/clue-presenter';
import { appended, type AppendedEvent } from '../clue-command';
import type { SubmitClueCommand } from './submit-clue.command';

export type SubmitClueRouting =
  | {
      outcome: 'referred';
      target: string;
      targetName?: string;
      basis: RoutingBasis;
      competentDivision: string;
    }
  | {
      outcome: 'kept-locally';
      bureau: string;
      competentBureau: string;
      basis: RoutingBasis;
      competentDivision: string;
      checkDeadline: DeadlineView & { basis?: Deadline['basis'] };
    };

export interface SubmitClueResult {
  clueId: string;
  streamId: string;
  status: 'referred' | 'checking';
  routing: SubmitClueRouting;
  events: AppendedEvent[];
}

@Injectable()
export class SubmitClueUseCase {
  constructor(
    @Inject(CLUE_STREAMS) private readonly streams: ClueStreams,
    @Inject(EVENT_METADATA) private readonly metadata: MetadataFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: SubmitClueCommand): Promise<SubmitClueResult> {
    const now = this.clock.now();
    const clueId = uuidv7({ msecs: now.getTime() });
    const streamId = clueStreamId(clueId);
    const data: Clue.SubmitClue['data'] = compact({
      ...command.clue,
      clueId,
      discoveringBureau: command.actor.bureau,
    });
    const outcome = await this.streams.create(
      streamId,
      (state) => Clue.decide({ type: 'SubmitClue', data }, state, now),
      this.metadata(command.actor, now),
    );
    if (!outcome.ok) throw new DomainErrorException(outcome.error);

    const routingEvent = outcome.events.find((e) => e.type === 'clue.routed' || e.type === 'clue.kept-locally');
    if (!routingEvent) throw new Error(`clue ${clueId}: the decision routed nothing`);
    const p = routingEvent.payload;
    const routing: SubmitClueRouting =
      routingEvent.type === 'clue.routed'
        ? compact({
            outcome: 'referred' as const,
            target: String(p['target']),
            targetName: bureauRegistry.bureauNameOf(String(p['target'])),
            basis: p['basis'] as RoutingBasis,
            competentDivision: String(p['competentDivision']),
          })
        : {
            outcome: 'kept-locally',
            bureau: String(p['bureau']),
            competentBureau: String(p['competentBureau']),
            basis: p['basis'] as RoutingBasis,
            competentDivision: String(p['competentDivision']),
            checkDeadline: withBasis(deadlineView(p['checkDeadline'] as Deadline, 'checking', now), p['checkDeadline'] as Deadline),
          };
    return {
      clueId,
      streamId,
      status: routing.outcome === 'referred' ? 'referred' : 'checking',
      routing,
      events: appended(outcome.events),
    };
  }
}

const withBasis = (view: DeadlineView, d: Deadline): DeadlineView & { basis?: Deadline['basis'] } =>
  d.basis ? { ...view, basis: d.basis } : view;
