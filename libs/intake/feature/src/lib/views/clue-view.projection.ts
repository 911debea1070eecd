import { Inject, Injectable, Logger } from '@nestjs/common';
import { streamKind, type EventEnvelope } from '@yrd/contracts';
import { applyClueEvent, applyReferralEvent } from './clue-view';
import { CLUE_VIEW_WRITER, type ClueViewWriter } from './clue-view.store';

/**
 * Projects clue events ('intake') into `clue_views` and clue-originated referral events
 * ('referral') into `clue_referrals`. Guarded by stream version: an event at or below the
 * version already applied is skipped, so redelivery and replay change nothing.
 */
@Injectable()
export class ClueViewProjection {
  private readonly log = new Logger(ClueViewProjection.name);

  constructor(@Inject(CLUE_VIEW_WRITER) private readonly store: ClueViewWriter) {}

  async handle(event: EventEnvelope): Promise<'applied' | 'skipped'> {
    const kind = streamKind(event.streamId);
    if (kind === 'clue') return this.onClueEvent(event);
    if (kind === 'referral') return this.onReferralEvent(event);
    return 'skipped';
  }

  private async onClueEvent(event: EventEnvelope): Promise<'applied' | 'skipped'> {
    const clueId = String((event.payload as { clueId?: unknown }).clueId ?? event.streamId.slice('clue-'.length));
    const current = await this.store.get(clueId);
    if (current && event.streamVersion <= current.version) return 'skipped';
    if (current && event.streamVersion !== current.version + 1) {
      this.log.warn(`clue ${clueId}: applying version ${event.streamVersion} after ${current.version} (gap)`);
    }
    const next = applyClueEvent(current, event);
    if (!next) {
      // e.g. a later event whose clue.submitted went to the DLQ: retry, then DLQ with the reason.
      throw new Error(`clue view ${clueId}: ${event.type} v${event.streamVersion} arrived before clue.submitted`);
    }
    await this.store.put(next);
    return 'applied';
  }

  private async onReferralEvent(event: EventEnvelope): Promise<'applied' | 'skipped'> {
    const payload = event.payload as { referralId?: unknown; clueId?: unknown };
    if (typeof payload.referralId !== 'string') return 'skipped'; // assistance, joint actions
    if (event.type === 'referral.created' && typeof payload.clueId !== 'string') return 'skipped'; // not from a clue
    const current = await this.store.getReferral(payload.referralId);
    if (current && event.streamVersion <= current.version) return 'skipped';
    const next = applyReferralEvent(current, event);
    if (!next) return 'skipped'; // a referral that was not opened from a clue
    await this.store.putReferral(next);
    return 'applied';
  }
}
