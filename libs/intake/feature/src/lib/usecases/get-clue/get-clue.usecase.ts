import { Inject, Injectable } from '@nestjs/common';
import { inScope } from '@yrd/auth';
import type { Actor, EventEnvelope } from '@yrd/contracts';
import { verifyStream, type ChainFinding } from '@yrd/event-log';
import { clueNotFound } from '../../http/domain-error.exception';
import { CLOCK, CLUE_HISTORY, clueStreamId, isClueId, type Clock, type ClueHistory } from '../../ports/clue-streams';
import { clueSummary, type ClueSummary } from '../../views/clue-presenter';
import { applyClueEvent, type ClueViewDoc } from '../../views/clue-view';
import { CLUE_VIEW_READER, type ClueViewReader } from '../../views/clue-view.store';
import type { GetClueCommand } from './get-clue.command';

export interface TimelineEntry {
  eventId: string;
  type: string;
  streamVersion: number;
  occurredAt: string;
  actor: Actor;
  correlationId: string;
  payload: Record<string, unknown>;
  prevHash: string | null;
  hash: string;
}

export interface ClueDetail extends ClueSummary {
  facts: string;
  evidenceRefs: string[];
  suggestedTarget?: string;
  extension?: ClueViewDoc['extension'];
  streamId: string;
  /** Every event of the clue's stream from the store of record, with its hash chain. */
  timeline: TimelineEntry[];
  chain: { valid: boolean; findings: ChainFinding[] };
}

/**
 * The clue as its stream says, read from the store of record (so it is current right after a
 * command, before the projection catches up), plus the referral status from the projection.
 * Outside the caller's scope it is a 404, like a clue that does not exist.
 */
@Injectable()
export class GetClueUseCase {
  constructor(
    @Inject(CLUE_HISTORY) private readonly history: ClueHistory,
    @Inject(CLUE_VIEW_READER) private readonly views: ClueViewReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: GetClueCommand): Promise<ClueDetail> {
    if (!isClueId(c.clueId)) throw clueNotFound(c.clueId);
    const streamId = clueStreamId(c.clueId);
    const events = await this.history.readStream(streamId);
    const view = events.reduce<ClueViewDoc | null>((v, e) => applyClueEvent(v, e), null);
    if (!view || !inScope(c.scope, view.bureau)) throw clueNotFound(c.clueId);
    const referral = view.referred ? (await this.views.referralsOf([c.clueId])).get(c.clueId) : undefined;
    const findings = verifyStream(events);
    return {
      ...clueSummary(view, referral, this.clock.now()),
      facts: view.facts,
      evidenceRefs: view.evidenceRefs,
      ...(view.suggestedTarget !== undefined && { suggestedTarget: view.suggestedTarget }),
      ...(view.extension && { extension: view.extension }),
      streamId,
      timeline: events.map(timelineEntry),
      chain: { valid: findings.length === 0, findings },
    };
  }
}

const timelineEntry = (e: EventEnvelope): TimelineEntry => ({
  eventId: e.eventId,
  type: e.type,
  streamVersion: e.streamVersion,
  occurredAt: e.occurredAt,
  actor: e.actor,
  correlationId: e.correlationId,
  payload: e.payload,
  prevHash: e.prevHash,
  hash: e.hash,
});
