import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import { Assistance, DomainContext, ok, Referral } from '@yrd/referral-domain';
import { DOMAIN_CONTEXT, systemActor } from '../domain-context';
import { Repositories } from '../repositories';
import { decisionTime, type DeadlineJobData } from './deadline-plan';

/**
 * Runs a fired deadline job as a domain command: the decider emits the reminder or the overdue
 * event only if the item is still undecided and the due date is still its deadline, at most once
 * per due date. A refusal that means "nothing to do any more" ends the job quietly; anything
 * else throws, so BullMQ retries it.
 */
@Injectable()
export class DeadlineJobs {
  private readonly log = new Logger(DeadlineJobs.name);
  constructor(
    private readonly backbone: EventBackbone,
    private readonly repos: Repositories,
    @Inject(DOMAIN_CONTEXT) private readonly context: DomainContext,
  ) {}

  /** Returns the event types appended (empty: nothing to do). */
  async run(job: DeadlineJobData, realNow = new Date()): Promise<string[]> {
    const now = decisionTime(job, realNow);
    const meta = this.backbone.metadata(systemActor('YRD-SYSTEM'), null, realNow);
    if (job.aggregate === 'referral') {
      const command: Referral.ReferralCommand =
        job.kind === 'remind'
          ? { type: 'RemindDeadline', data: { dueDate: job.dueDate } }
          : { type: 'EscalateOverdue', data: { dueDate: job.dueDate } };
      const outcome = await this.repos.referrals.handle(job.streamId, (s) => Referral.decide(command, s, now, this.context), meta);
      if (!outcome.ok) throw new Error(`${job.kind} ${job.streamId}: ${outcome.error.code} ${outcome.error.message}`);
      return outcome.events.map((e) => e.type);
    }
    const outcome = await this.repos.assistance.handle(
      job.streamId,
      (s) => {
        if (job.kind === 'remind') return Assistance.decide({ type: 'RemindAssistanceDeadline', data: { dueDate: job.dueDate } }, s, now, this.context);
        // A superseded due date (extension, recomputation), an answer or an earlier mark: nothing to do.
        if (s.status !== 'requested' || s.overdue || s.deadline.dueDate !== job.dueDate) return ok([]);
        return Assistance.decide({ type: 'MarkOverdue', data: {} }, s, now, this.context);
      },
      meta,
    );
    if (!outcome.ok) throw new Error(`${job.kind} ${job.streamId}: ${outcome.error.code} ${outcome.error.message}`);
    if (outcome.events.length > 0) this.log.log(`${job.kind} ${job.streamId} (${job.dueDate}): ${outcome.events.map((e) => e.type).join(', ')}`);
    return outcome.events.map((e) => e.type);
  }
}
