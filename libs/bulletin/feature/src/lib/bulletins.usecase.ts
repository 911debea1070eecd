import { Inject, Injectable } from '@nestjs/common';
import { CROSS_BUREAU_ROLES, type Principal } from '@yrd/auth';
import { EventBackbone } from '@yrd/backbone';
import { Bulletin } from '@yrd/bulletin-domain';
import type { AggregateRepository } from '@yrd/event-store';
import type { Actor } from '@yrd/contracts';
import { actorOf, KeyMaterial, newId, Refusal, SanctionsReadModelsHost, systemActor, uuidv7 } from '@yrd/sanctions-feature';
import { acknowledgementDeadline } from './acknowledgement-deadline';
import { AcknowledgementReminders } from './acknowledgement-reminders';
import { audienceBureaus, audienceProblem } from './audience';
import { BULLETIN_CONFIG, type BulletinConfig } from './bulletin-config';
import { checkSignature, contentSha256, signStatement, type SignatureCheck } from './bulletin-signatures';
import { noSigningKey, refusalOf } from './http/bulletin-refusal';
import type { BulletinSummary, BulletinView, Reader, SearchQuery } from './read-model/bulletin-views';
import { BulletinViewsHost } from './read-model/bulletin-views.host';

export interface BulletinCommandResult {
  bulletinId: string;
  status: Bulletin.Status;
  revision: number;
  events: Array<{ eventId: string; type: string; streamVersion: number }>;
}

export interface Acknowledgements {
  bulletinId: string;
  title: string;
  publishedAt: string;
  due: string;
  overdue: boolean;
  acknowledged: Array<{ bureau: string; userId: string; at: string }>;
  unread: string[];
  /** When the bureaus unread at the deadline were reminded, and which they were. */
  reminder?: { unread: string[]; due: string; at: string };
}

const streamId = (bulletinId: string) => `bulletin-${bulletinId}`;
/** Where a bureau's acknowledgement is recorded: its own stream, so acknowledgements never contend. */
const acknowledgementsOf = (bulletinId: string) => `bulletin-ack-${bulletinId}-`;
const acknowledgementStreamId = (bulletinId: string, bureau: string) => `${acknowledgementsOf(bulletinId)}${bureau}`;
const ID = /^[A-Za-z0-9_.:]{1,100}$/;

/**
 * Joint bulletins (信息通报): proposal, co-signature or refusal by each co-issuing region, correction
 * and withdrawal by the issuer, acknowledgement by the audience — each act of a bureau signed with
 * its key — and the reads: search, acknowledgement tracking, signature verification.
 */
@Injectable()
export class BulletinsUseCase {
  private readonly bulletins: AggregateRepository<Bulletin.State, Bulletin.Event>;

  constructor(
    private readonly backbone: EventBackbone,
    private readonly keys: KeyMaterial,
    private readonly host: BulletinViewsHost,
    private readonly sanctions: SanctionsReadModelsHost,
    private readonly reminders: AcknowledgementReminders,
    @Inject(BULLETIN_CONFIG) private readonly config: BulletinConfig,
  ) {
    this.bulletins = backbone.repository({ initialState: () => Bulletin.initialState, evolve: Bulletin.evolve });
    reminders.handle((bulletinId) => this.remindUnread(bulletinId));
  }

  async propose(p: Principal, coIssuers: string[], content: Bulletin.Content): Promise<BulletinCommandResult> {
    const problem = audienceProblem(content.audience, p.bureau, coIssuers);
    if (problem) throw Refusal.invalid(problem);
    this.checkDecisions(content);
    const bulletinId = newId('bl', uuidv7());
    const audience = audienceBureaus(content.audience, p.bureau, coIssuers);
    const signed = this.signed('propose', bulletinId, p.bureau, 1, contentSha256(content));
    return this.run(actorOf(p), bulletinId, true, () => ({ type: 'propose', bulletinId, issuer: p.bureau, coIssuers, audienceBureaus: audience, content, ...signed }));
  }

  cosign(p: Principal, bulletinId: string): Promise<BulletinCommandResult> {
    return this.run(actorOf(p), bulletinId, false, (s) => ({ type: 'sign', bureau: p.bureau, ...this.signed('cosign', bulletinId, p.bureau, s.revision, s.contentSha256) }));
  }

  refuse(p: Principal, bulletinId: string, reason: string): Promise<BulletinCommandResult> {
    return this.run(actorOf(p), bulletinId, false, (s) => ({ type: 'refuse', bureau: p.bureau, reason, ...this.signed('refuse', bulletinId, p.bureau, s.revision, s.contentSha256, reason) }));
  }

  correct(p: Principal, bulletinId: string, content: Bulletin.Content, reason: string): Promise<BulletinCommandResult> {
    this.checkDecisions(content);
    const hash = contentSha256(content);
    return this.run(actorOf(p), bulletinId, false, (s) => ({ type: 'correct', bureau: p.bureau, content, reason, ...this.signed('correct', bulletinId, p.bureau, s.revision + 1, hash, reason) }));
  }

  withdraw(p: Principal, bulletinId: string, reason: string): Promise<BulletinCommandResult> {
    return this.run(actorOf(p), bulletinId, false, (s) => ({ type: 'withdraw', bureau: p.bureau, reason, ...this.signed('withdraw', bulletinId, p.bureau, s.revision, s.contentSha256, reason) }));
  }

  acknowledge(p: Principal, bulletinId: string): Promise<BulletinCommandResult> {
    return this.run(actorOf(p), bulletinId, { factStreamId: acknowledgementStreamId(bulletinId, p.bureau) }, () => ({ type: 'acknowledge', bureau: p.bureau, userId: p.sub }));
  }

  /** The deadline has passed: remind the audience bureaus that have not read it (at most once; judged on the stream, not a view). */
  async remindUnread(bulletinId: string, now = new Date()): Promise<void> {
    const acknowledgedBy = (await this.bulletins.facts(acknowledgementsOf(bulletinId))).map((e) => String(e.payload['bureau']));
    await this.run(systemActor('YRD-BULLETINS', 'bulletin-reminders'), bulletinId, false, (s) => ({
      type: 'remind-unread',
      due: acknowledgementDeadline(s.publishedAt ?? now.toISOString(), this.config, now).due,
      acknowledgedBy,
    }));
  }

  get(p: Principal, bulletinId: string): BulletinView {
    const v = this.host.views.get(bulletinId);
    if (!v) throw Refusal.notFound(`no bulletin ${bulletinId}`);
    if (!this.host.views.canRead(v, readerOf(p))) throw Refusal.forbidden(`bulletin ${bulletinId} is neither issued by nor addressed to bureau ${p.bureau}`);
    return v;
  }

  search(p: Principal, q: SearchQuery): BulletinSummary[] {
    return this.host.views.search(q, readerOf(p));
  }

  acknowledgements(p: Principal, bulletinId: string, now = new Date()): Acknowledgements {
    const v = this.get(p, bulletinId);
    if (v.status !== 'published' || !v.publishedAt) throw refusalOf({ code: 'WRONG_STATE', message: `the bulletin is ${v.status}, not published` });
    return this.acknowledgementsOf(v, now);
  }

  /** Published bulletins the caller can see with audience bureaus that have not read them by the deadline. */
  overdue(p: Principal, now = new Date()): Acknowledgements[] {
    return this.host.views
      .published(readerOf(p))
      .map((v) => this.acknowledgementsOf(v, now))
      .filter((a) => a.overdue && a.unread.length > 0);
  }

  /** Every signature of the bulletin checked against the bureau key registry, and each revision's hash against its content. */
  verify(p: Principal, bulletinId: string): { bulletinId: string; valid: boolean; signatures: SignatureCheck[]; revisions: Array<{ revision: number; contentSha256: string; matches: boolean }> } {
    const v = this.get(p, bulletinId);
    const signatures = v.signatures.map((s) => checkSignature(this.keys, Bulletin.statementOf(s.act, v.bulletinId, s.bureau, s.revision, s.contentSha256, s.reason), s.signature, s.at));
    const revisions = v.revisions.map((r) => ({ revision: r.revision, contentSha256: r.contentSha256, matches: contentSha256(r.content) === r.contentSha256 }));
    return { bulletinId, valid: signatures.every((s) => s.valid) && revisions.every((r) => r.matches), signatures, revisions };
  }

  private acknowledgementsOf(v: BulletinView, now: Date): Acknowledgements {
    const deadline = acknowledgementDeadline(v.publishedAt ?? v.proposedAt, this.config, now);
    return {
      bulletinId: v.bulletinId,
      title: v.content.title,
      publishedAt: v.publishedAt ?? v.proposedAt,
      due: deadline.due,
      overdue: deadline.overdue,
      acknowledged: v.acknowledgements,
      unread: Bulletin.unreadBy(v.audienceBureaus, v.signedBy, v.acknowledgements.map((a) => a.bureau)),
      ...(v.reminder ? { reminder: v.reminder } : {}),
    };
  }

  /** A typical-case bulletin reports on decisions every region has verified (and not revoked). */
  private checkDecisions(content: Bulletin.Content): void {
    const unknown = content.relatedDecisions.filter((id) => {
      const d = this.sanctions.models.decisions.get(id);
      return !d || d.revoked;
    });
    if (unknown.length > 0) throw Refusal.invalid(`related decisions not found among verified, unrevoked penalty decisions: ${unknown.join(', ')}`);
  }

  /** A bureau's act on a revision, signed: the statement names the act, the revision, the content hash and the (trimmed) reason. */
  private signed(act: Bulletin.Act, bulletinId: string, bureau: string, revision: number, hash = '', reason?: string): Bulletin.Signed {
    const signature = signStatement(this.keys, Bulletin.statementOf(act, bulletinId, bureau, revision, hash, reason?.trim()));
    if (!signature) throw noSigningKey(bureau);
    return { contentSha256: hash, signature };
  }

  /** `true`: a new stream; `false`: the bulletin's stream; `{ factStreamId }`: a fact about it, on a stream of its own. */
  private async run(actor: Actor, bulletinId: string, create: boolean | { factStreamId: string }, command: (s: Bulletin.State) => Bulletin.Command): Promise<BulletinCommandResult> {
    // No bulletin has such an id.
    if (!ID.test(bulletinId)) throw Refusal.notFound('bulletinId must be 1-100 characters of [A-Za-z0-9_.:]');
    const decide = (s: Bulletin.State) => Bulletin.decide(command(s), s, new Date());
    const meta = this.backbone.metadata(actor);
    const outcome =
      typeof create === 'object'
        ? await this.bulletins.recordFact(streamId(bulletinId), create.factStreamId, decide, meta)
        : create
          ? await this.bulletins.create(streamId(bulletinId), decide, meta)
          : await this.bulletins.handle(streamId(bulletinId), decide, meta);
    if (!outcome.ok) throw refusalOf(outcome.error);
    this.host.applyOwn(outcome.events);
    const published = outcome.events.find((e) => e.type === 'bulletin.published');
    if (published) await this.reminders.schedule(bulletinId, String(published.payload['publishedAt']));
    return {
      bulletinId,
      status: outcome.state.status,
      revision: outcome.state.revision,
      events: outcome.events.map((e) => ({ eventId: e.eventId, type: e.type, streamVersion: e.streamVersion })),
    };
  }
}

const readerOf = (p: Principal): Reader => ({ bureau: p.bureau, crossBureau: CROSS_BUREAU_ROLES.includes(p.role) });
