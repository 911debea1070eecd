import { Bulletin } from '@yrd/bulletin-domain';
import { maskText } from '@yrd/bureaus';
import { chinaDateOf } from '@yrd/calendar';
import type { EventEnvelope } from '@yrd/contracts';
import { regionOfBureau } from '../audience';

export interface SignatureRecord {
  act: Bulletin.Act;
  bureau: string;
  revision: number;
  contentSha256: string;
  reason?: string;
  signature: Bulletin.Signature;
  at: string;
}

export interface RevisionRecord {
  revision: number;
  content: Bulletin.Content;
  contentSha256: string;
  reason?: string;
  at: string;
}

/** The internal copy of a bulletin: everything, personal data included. */
export interface BulletinView {
  bulletinId: string;
  status: Exclude<Bulletin.Status, 'none'>;
  issuer: string;
  coIssuers: string[];
  signedBy: string[];
  audienceBureaus: string[];
  revision: number;
  content: Bulletin.Content;
  contentSha256: string;
  revisions: RevisionRecord[];
  signatures: SignatureRecord[];
  refusal?: { bureau: string; reason: string; at: string };
  withdrawal?: { reason: string; at: string };
  acknowledgements: Array<{ bureau: string; userId: string; at: string }>;
  /** The reminder sent to the bureaus still unread at the deadline. */
  reminder?: { unread: string[]; due: string; at: string };
  proposedAt: string;
  publishedAt?: string;
  updatedAt: string;
  version: number;
}

/** A search hit: what a list shows, without the text, revisions, signatures and audience (GET one for those). */
export interface BulletinSummary {
  bulletinId: string;
  status: BulletinView['status'];
  issuer: string;
  coIssuers: string[];
  signedBy: string[];
  revision: number;
  content: Pick<Bulletin.Content, 'kind' | 'title' | 'category' | 'industry' | 'audience'>;
  refusal?: BulletinView['refusal'];
  withdrawal?: BulletinView['withdrawal'];
  audienceCount: number;
  acknowledgedCount: number;
  proposedAt: string;
  publishedAt?: string;
  updatedAt: string;
}

/** The public copy: natural persons masked, attachments and the audience's bureaus left out. */
export interface PublicBulletin {
  bulletinId: string;
  status: 'published' | 'withdrawn';
  kind: Bulletin.Kind;
  title: string;
  body: string;
  category: string;
  industry: string;
  issuer: string;
  coIssuers: string[];
  revision: number;
  publishedAt: string;
  updatedAt: string;
  withdrawal?: { reason: string; at: string };
  correctionReason?: string;
}

export interface SearchQuery {
  kind?: Bulletin.Kind;
  status?: BulletinView['status'];
  category?: string;
  industry?: string;
  /** A province code: bulletins issued or co-issued by a bureau of that province. */
  region?: string;
  /** Period (China dates, inclusive) of publication, or of proposal for drafts. */
  from?: string;
  to?: string;
  limit?: number;
}

/** Who is asking: auditors and administrators see every bulletin; a bureau its own and those addressed to it. */
export interface Reader {
  bureau: string;
  crossBureau: boolean;
}

const chinaDate = (instant: string) => chinaDateOf(new Date(instant));

/**
 * Every bulletin, folded from the bulletin topic in this process's memory (bulletins are a few
 * hundred a year; FerretDB would scan for every search anyway). Version-guarded per stream, so an
 * event applied twice — by the command that wrote it and again by the topic tail — counts once.
 */
export class BulletinViews {
  private readonly byId = new Map<string, BulletinView>();
  /** Acknowledgements (each on a stream of its own) seen before their bulletin, by bulletin id. */
  private readonly early = new Map<string, EventEnvelope[]>();
  /** Counts applied changes: what the public feed's memo is keyed on. */
  private generation = 0;
  private feedMemo?: { generation: number; limit: number; feed: PublicBulletin[] };

  get size(): number {
    return this.byId.size;
  }

  apply(e: EventEnvelope): void {
    if (!e.type.startsWith('bulletin.')) return;
    const event = { type: e.type, data: e.payload } as unknown as Bulletin.Event;
    const id = (e.payload as { bulletinId: string }).bulletinId;
    if (e.streamId !== `bulletin-${id}`) return this.applyFact(id, e);
    const current = this.byId.get(id);
    if (event.type !== 'bulletin.proposed' && !current) return;
    if (current && e.streamVersion !== current.version + 1) return;
    const next = current ? fold(current, event) : proposed(event as Extract<Bulletin.Event, { type: 'bulletin.proposed' }>);
    this.byId.set(id, { ...next, updatedAt: e.occurredAt, version: e.streamVersion });
    this.generation++;
    const early = this.early.get(id);
    if (early) {
      this.early.delete(id);
      for (const fact of early) this.applyFact(id, fact);
    }
  }

  /**
   * An acknowledgement on its own stream (`bulletin-ack-<id>-<bureau>`): no place in the
   * bulletin's version order, counted once per bureau; kept aside if its bulletin is not here yet
   * (the streams may arrive on different partitions).
   */
  private applyFact(id: string, e: EventEnvelope): void {
    if (e.type !== 'bulletin.acknowledged') return;
    const current = this.byId.get(id);
    if (!current) {
      this.early.set(id, [...(this.early.get(id) ?? []), e]);
      return;
    }
    const ack = (e.payload as Extract<Bulletin.Event, { type: 'bulletin.acknowledged' }>['data']);
    if (current.acknowledgements.some((a) => a.bureau === ack.bureau)) return;
    this.byId.set(id, { ...current, acknowledgements: [...current.acknowledgements, { bureau: ack.bureau, userId: ack.userId, at: ack.at }] });
    this.generation++;
  }

  /** Changes with every applied event: callers key their own caches on it. */
  get changeCount(): number {
    return this.generation;
  }

  get(bulletinId: string): BulletinView | undefined {
    return this.byId.get(bulletinId);
  }

  canRead(v: BulletinView, reader: Reader): boolean {
    if (reader.crossBureau || v.issuer === reader.bureau || v.coIssuers.includes(reader.bureau)) return true;
    return (v.status === 'published' || v.status === 'withdrawn') && v.audienceBureaus.includes(reader.bureau);
  }

  search(q: SearchQuery, reader: Reader): BulletinSummary[] {
    const out: BulletinView[] = [];
    for (const v of this.byId.values()) {
      if (!this.canRead(v, reader)) continue;
      if (q.kind && v.content.kind !== q.kind) continue;
      if (q.status && v.status !== q.status) continue;
      if (q.category && v.content.category !== q.category) continue;
      if (q.industry && v.content.industry !== q.industry) continue;
      if (q.region && ![v.issuer, ...v.coIssuers].some((b) => regionOfBureau(b) === q.region)) continue;
      const day = chinaDate(v.publishedAt ?? v.proposedAt);
      if ((q.from && day < q.from) || (q.to && day > q.to)) continue;
      out.push(v);
    }
    return out.sort(newestFirst).slice(0, q.limit ?? 50).map(summaryOf);
  }

  /** Published (and later withdrawn) public bulletins, newest first, masked; computed once per change (anyone may ask, often). */
  publicFeed(limit = 50): PublicBulletin[] {
    const memo = this.feedMemo;
    if (memo && memo.generation === this.generation && memo.limit === limit) return memo.feed;
    const feed = [...this.byId.values()]
      .filter((v) => v.content.audience.kind === 'public' && v.publishedAt && (v.status === 'published' || v.status === 'withdrawn'))
      .sort(newestFirst)
      .slice(0, limit)
      .map(publicCopy);
    this.feedMemo = { generation: this.generation, limit, feed };
    return feed;
  }

  publicOne(bulletinId: string): PublicBulletin | undefined {
    const v = this.byId.get(bulletinId);
    return v && v.content.audience.kind === 'public' && v.publishedAt && (v.status === 'published' || v.status === 'withdrawn') ? publicCopy(v) : undefined;
  }

  /** Published bulletins the reader may see, newest first (for the acknowledgement checks). */
  published(reader: Reader): BulletinView[] {
    return [...this.byId.values()].filter((v) => v.status === 'published' && this.canRead(v, reader)).sort(newestFirst);
  }

  /** Published bulletins whose reminder has not been sent (their timers, after a crash). */
  awaitingReminder(): BulletinView[] {
    return [...this.byId.values()].filter((v) => v.status === 'published' && !v.reminder);
  }
}

const newestFirst = (a: BulletinView, b: BulletinView) => (b.publishedAt ?? b.proposedAt).localeCompare(a.publishedAt ?? a.proposedAt);

function proposed(e: Extract<Bulletin.Event, { type: 'bulletin.proposed' }>): BulletinView {
  const d = e.data;
  return {
    bulletinId: d.bulletinId,
    // A bulletin of one bureau alone is published by the event that follows.
    status: 'awaiting-signatures',
    issuer: d.issuer,
    coIssuers: d.coIssuers,
    signedBy: [d.issuer],
    audienceBureaus: d.audienceBureaus,
    revision: 1,
    content: d.content,
    contentSha256: d.contentSha256,
    revisions: [{ revision: 1, content: d.content, contentSha256: d.contentSha256, at: d.proposedAt }],
    signatures: [{ act: 'propose', bureau: d.issuer, revision: 1, contentSha256: d.contentSha256, signature: d.signature, at: d.proposedAt }],
    acknowledgements: [],
    proposedAt: d.proposedAt,
    updatedAt: d.proposedAt,
    version: 0,
  };
}

function fold(v: BulletinView, e: Bulletin.Event): BulletinView {
  switch (e.type) {
    case 'bulletin.proposed':
      return v;
    case 'bulletin.cosigned': {
      const d = e.data;
      return { ...v, signedBy: [...v.signedBy, d.bureau], signatures: [...v.signatures, { act: 'cosign', bureau: d.bureau, revision: d.revision, contentSha256: d.contentSha256, signature: d.signature, at: d.signedAt }] };
    }
    case 'bulletin.refused': {
      const d = e.data;
      return {
        ...v,
        status: 'refused',
        refusal: { bureau: d.bureau, reason: d.reason, at: d.refusedAt },
        signatures: [...v.signatures, { act: 'refuse', bureau: d.bureau, revision: d.revision, contentSha256: d.contentSha256, reason: d.reason, signature: d.signature, at: d.refusedAt }],
      };
    }
    case 'bulletin.published':
      return { ...v, status: 'published', publishedAt: e.data.publishedAt };
    case 'bulletin.corrected': {
      const d = e.data;
      return {
        ...v,
        revision: d.revision,
        content: d.content,
        contentSha256: d.contentSha256,
        revisions: [...v.revisions, { revision: d.revision, content: d.content, contentSha256: d.contentSha256, reason: d.reason, at: d.correctedAt }],
        signatures: [...v.signatures, { act: 'correct', bureau: d.issuer, revision: d.revision, contentSha256: d.contentSha256, reason: d.reason, signature: d.signature, at: d.correctedAt }],
      };
    }
    case 'bulletin.withdrawn': {
      const d = e.data;
      return {
        ...v,
        status: 'withdrawn',
        withdrawal: { reason: d.reason, at: d.withdrawnAt },
        signatures: [...v.signatures, { act: 'withdraw', bureau: d.issuer, revision: d.revision, contentSha256: v.contentSha256, reason: d.reason, signature: d.signature, at: d.withdrawnAt }],
      };
    }
    case 'bulletin.acknowledged':
      return { ...v, acknowledgements: [...v.acknowledgements, { bureau: e.data.bureau, userId: e.data.userId, at: e.data.at }] };
    case 'bulletin.acknowledgement-overdue':
      return { ...v, reminder: { unread: e.data.unread, due: e.data.due, at: e.data.remindedAt } };
  }
}

export function summaryOf(v: BulletinView): BulletinSummary {
  const { kind, title, category, industry, audience } = v.content;
  return {
    bulletinId: v.bulletinId,
    status: v.status,
    issuer: v.issuer,
    coIssuers: v.coIssuers,
    signedBy: v.signedBy,
    revision: v.revision,
    content: { kind, title, category, industry, audience },
    ...(v.refusal ? { refusal: v.refusal } : {}),
    ...(v.withdrawal ? { withdrawal: v.withdrawal } : {}),
    audienceCount: v.audienceBureaus.length,
    acknowledgedCount: v.acknowledgements.length,
    proposedAt: v.proposedAt,
    ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}),
    updatedAt: v.updatedAt,
  };
}

/** The copy the public sees: names and id numbers of natural persons masked in every text. */
export function publicCopy(v: BulletinView): PublicBulletin {
  const mask = (text: string) => maskText(text, v.content.persons);
  const c = v.content;
  const last = v.revisions[v.revisions.length - 1];
  return {
    bulletinId: v.bulletinId,
    status: v.status === 'withdrawn' ? 'withdrawn' : 'published',
    kind: c.kind,
    title: mask(c.title),
    // A withdrawn bulletin's text is no longer published; the notice of withdrawal stays.
    body: v.status === 'withdrawn' ? '' : mask(c.body),
    category: c.category,
    industry: c.industry,
    issuer: v.issuer,
    coIssuers: v.coIssuers,
    revision: v.revision,
    publishedAt: v.publishedAt ?? v.proposedAt,
    updatedAt: v.updatedAt,
    ...(v.withdrawal ? { withdrawal: { reason: mask(v.withdrawal.reason), at: v.withdrawal.at } } : {}),
    ...(last && last.revision > 1 && last.reason ? { correctionReason: mask(last.reason) } : {}),
  };
}
