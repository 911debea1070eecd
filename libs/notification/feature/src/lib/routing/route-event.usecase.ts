import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@yrd/contracts';
import {
  deliveryId,
  emptyCaseFile,
  evolveCaseFile,
  inheritedStreamOf,
  partiesChanged,
  planNotifications,
  recipientKey,
  type CaseFile,
  type NotificationPlan,
  type PlanResult,
  usesCaseFile,
} from '@yrd/notification-domain';
import { EmailSender } from '../channels/email.sender';
import type { DeliveryJobData } from '../delivery/delivery-job';
import { DeliveryQueues } from '../delivery/delivery-queues';
import { CaseFilesStore } from '../stores/case-files.store';
import { EmailContactsStore } from '../stores/email-contacts.store';
import { WebhookEndpointsStore } from '../stores/webhook-endpoints.store';
import { RoutingRules } from './routing-rules';

export interface RoutedEvent {
  plan: NotificationPlan;
  jobs: DeliveryJobData[];
  caseFile: CaseFile;
}

/**
 * The router: an event → its case file → the plan (who, which channels, the rendered message)
 * → one job per recipient address and channel, with deterministic ids. It only enqueues; the
 * workers deliver. Running it twice for one event adds no job (the ids are taken).
 */
@Injectable()
export class RouteEvent {
  private readonly log = new Logger(RouteEvent.name);

  constructor(
    private readonly rules: RoutingRules,
    private readonly caseFiles: CaseFilesStore,
    private readonly endpoints: WebhookEndpointsStore,
    private readonly contacts: EmailContactsStore,
    private readonly email: EmailSender,
    private readonly queues: DeliveryQueues,
  ) {}

  async execute(event: EventEnvelope, now = new Date()): Promise<RoutedEvent | undefined> {
    const rule = this.rules.ruleFor(event.type);
    if (!rule) return undefined;
    const routed = await this.plan(event, now);
    if (!routed.result.ok) throw routed.result.error; // the consumer retries, then dead-letters it with this message
    // Only a change of parties is written: the stored version is that of the last change, which
    // is all the redelivery guard needs (an older event that set parties is at or below it).
    if (partiesChanged(routed.previous, routed.caseFile)) await this.caseFiles.put(routed.caseFile);
    const jobs = await this.jobs(event, routed.result.plan, now);
    await this.queues.enqueue(jobs);
    if (jobs.length > 0) this.log.log(`${event.type} ${event.eventId}: ${jobs.length} deliveries queued`);
    return { plan: routed.result.plan, jobs, caseFile: routed.caseFile };
  }

  /** Plans without storing or queueing anything (also the admin preview). */
  async plan(event: EventEnvelope, _now = new Date()): Promise<{ result: PlanResult; caseFile: CaseFile; previous: CaseFile }> {
    const rule = this.rules.ruleFor(event.type);
    if (!usesCaseFile(rule)) {
      // e.g. reminders name their bureau in the payload: no case-file round trip.
      const file = emptyCaseFile(event.streamId);
      return { result: planNotifications(event, rule, file, this.rules.directory), caseFile: file, previous: file };
    }
    const previous = (await this.caseFiles.get(event.streamId)) ?? emptyCaseFile(event.streamId);
    const inheritFrom = inheritedStreamOf(event, rule?.case);
    const inherited = inheritFrom ? await this.caseFiles.get(inheritFrom) : undefined;
    const caseFile = evolveCaseFile(previous, event, rule?.case, inherited);
    return { result: planNotifications(event, rule, caseFile, this.rules.directory), caseFile, previous };
  }

  /** Expands the plan into addresses: a bureau's active webhook endpoints, its mailboxes, the inbox. */
  async jobs(event: EventEnvelope, plan: NotificationPlan, now: Date): Promise<DeliveryJobData[]> {
    const bureaus = [...new Set(plan.notifications.map((n) => n.recipient.bureau))];
    const wantsWebhook = plan.notifications.some((n) => n.channels.includes('webhook') && n.recipient.kind === 'bureau');
    const wantsEmail = this.email.enabled && plan.notifications.some((n) => n.channels.includes('email'));
    const [endpoints, contacts] = await Promise.all([
      wantsWebhook ? this.endpoints.activeFor(bureaus) : Promise.resolve([]),
      wantsEmail ? this.contacts.forBureaus(bureaus) : Promise.resolve([]),
    ]);
    const base = {
      message: plan.message,
      eventId: event.eventId,
      eventType: event.type,
      sourceStreamId: event.streamId,
      occurredAt: event.occurredAt,
      correlationId: event.correlationId,
      queuedAt: now.toISOString(),
    };
    const jobs: DeliveryJobData[] = [];
    for (const n of plan.notifications) {
      const common = { ...base, recipient: n.recipient, bureau: n.recipient.bureau, reasons: n.reasons };
      for (const channel of n.channels) {
        if (channel === 'inbox') {
          jobs.push({ ...common, channel, target: 'inbox', deliveryId: deliveryId(event.eventId, 'inbox', recipientKey(n.recipient)) });
        } else if (channel === 'webhook' && n.recipient.kind === 'bureau') {
          for (const e of endpoints.filter((x) => x.bureau === n.recipient.bureau)) {
            jobs.push({ ...common, channel, target: e._id, event, deliveryId: deliveryId(event.eventId, 'webhook', e._id) });
          }
        } else if (channel === 'email') {
          const r = n.recipient;
          const mine = contacts.filter((c) => c.bureau === r.bureau && (r.kind === 'bureau' ? c.userId === null : c.userId === r.userId));
          for (const c of mine) jobs.push({ ...common, channel, target: c._id, deliveryId: deliveryId(event.eventId, 'email', c._id) });
        }
      }
    }
    return jobs;
  }
}
