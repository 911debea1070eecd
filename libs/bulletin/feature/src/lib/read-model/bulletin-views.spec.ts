import type { Bulletin } from '@yrd/bulletin-domain';
import type { EventEnvelope } from '@yrd/contracts';
import { BulletinViews } from './bulletin-views';

const SH = '310000';
const JS = '320000';
const ZJ = '330000';
const sig = { alg: 'Ed25519' as const, keyId: 'k', value: 'v' };
const content = (o: Partial<Bulletin.Content> = {}): Bulletin.Content => ({
  kind: 'typical-case',
  title: '张三虚假宣传案',
  body: '当事人张三（身份证号330421198001011234）在直播中使用“国家级”用语。',
  category: 'advertising',
  industry: 'e-commerce',
  relatedDecisions: ['pd1'],
  attachments: [],
  audience: { kind: 'public' },
  persons: [{ name: '张三', idNumber: '330421198001011234' }],
  ...o,
});

let version = new Map<string, number>();
function envelope(type: string, payload: Record<string, unknown>, at = '2026-12-02T02:00:00.000Z'): EventEnvelope {
  const id = String(payload['bulletinId']);
  const v = (version.get(id) ?? 0) + 1;
  version.set(id, v);
  return { eventId: `e-${id}-${v}`, type, schemaVersion: 1, streamId: `bulletin-${id}`, streamVersion: v, occurredAt: at, actor: { userId: 'u', bureau: SH, role: 'bureau' }, correlationId: 'c', causationId: null, payload, prevHash: null, hash: 'h' } as EventEnvelope;
}

function publish(views: BulletinViews, id: string, c: Bulletin.Content, issuer = SH, coIssuers = [JS], at = '2026-12-02T02:00:00.000Z') {
  const audienceBureaus = [SH, JS, ZJ, '330421'];
  views.apply(envelope('bulletin.proposed', { bulletinId: id, issuer, coIssuers, audienceBureaus, content: c, contentSha256: 'a'.repeat(64), signature: sig, proposedAt: at }, at));
  views.apply(envelope('bulletin.cosigned', { bulletinId: id, bureau: JS, revision: 1, contentSha256: 'a'.repeat(64), signature: sig, signedAt: at }, at));
  views.apply(envelope('bulletin.published', { bulletinId: id, revision: 1, issuer, coIssuers, kind: c.kind, title: c.title, audienceBureaus, publishedAt: at }, at));
}

describe('bulletin views', () => {
  beforeEach(() => (version = new Map()));

  it('keeps the internal copy whole and masks natural persons on the public copy', () => {
    const views = new BulletinViews();
    publish(views, 'b1', content());
    expect(views.get('b1')?.content.body).toContain('张三（身份证号330421198001011234）');
    const pub = views.publicOne('b1');
    expect(pub?.title).toBe('张某虚假宣传案');
    expect(pub?.body).toContain('张某（身份证号330421********1234）');
    expect(JSON.stringify(views.publicFeed())).not.toMatch(/张三|198001011234/);
  });

  it('applies each event once, whether from the command or the topic tail', () => {
    const views = new BulletinViews();
    publish(views, 'b1', content());
    const ack = envelope('bulletin.acknowledged', { bulletinId: 'b1', bureau: '330421', userId: 'officer-jsh-1', revision: 1, at: '2026-12-03T00:00:00.000Z' });
    views.apply(ack);
    views.apply(ack);
    expect(views.get('b1')?.acknowledgements).toHaveLength(1);
  });

  it('counts acknowledgements recorded on their own streams once per bureau, even when one arrives before its bulletin', () => {
    const views = new BulletinViews();
    const ackOn = (bulletinId: string, bureau: string): EventEnvelope => ({
      ...envelope('bulletin.acknowledged', { bulletinId, bureau, userId: `officer-${bureau}`, revision: 1, at: '2026-12-03T00:00:00.000Z' }),
      streamId: `bulletin-ack-${bulletinId}-${bureau}`,
      streamVersion: 1,
    });
    views.apply(ackOn('b3', ZJ));
    expect(views.get('b3')).toBeUndefined();
    publish(views, 'b3', content());
    const version = views.get('b3')?.version;
    views.apply(ackOn('b3', '330421'));
    views.apply(ackOn('b3', '330421'));
    expect(views.get('b3')?.acknowledgements.map((a) => a.bureau).sort()).toEqual(['330421', ZJ].sort());
    // The bulletin's own version order is untouched: its next event still applies.
    expect(views.get('b3')?.version).toBe(version);
  });

  it('shows drafts to issuer and co-issuers only, and published bulletins to the audience', () => {
    const views = new BulletinViews();
    views.apply(envelope('bulletin.proposed', { bulletinId: 'd1', issuer: SH, coIssuers: [JS], audienceBureaus: [SH, JS, ZJ], content: content({ audience: { kind: 'delta' } }), contentSha256: 'a'.repeat(64), signature: sig, proposedAt: '2026-12-02T02:00:00.000Z' }));
    const draft = views.get('d1');
    expect(draft && views.canRead(draft, { bureau: JS, crossBureau: false })).toBe(true);
    expect(draft && views.canRead(draft, { bureau: ZJ, crossBureau: false })).toBe(false);
    expect(draft && views.canRead(draft, { bureau: '340000', crossBureau: true })).toBe(true);
    expect(views.publicFeed()).toEqual([]);
    publish(views, 'b2', content({ audience: { kind: 'delta' } }));
    const published = views.get('b2');
    expect(published && views.canRead(published, { bureau: ZJ, crossBureau: false })).toBe(true);
    expect(published && views.canRead(published, { bureau: '340000', crossBureau: false })).toBe(false);
    expect(views.publicOne('b2')).toBeUndefined();
  });

  it('searches by kind, category, industry, region and period', () => {
    const views = new BulletinViews();
    const auditor = { bureau: SH, crossBureau: true };
    publish(views, 'b1', content(), SH, [JS], '2026-03-01T02:00:00.000Z');
    publish(views, 'b2', content({ kind: 'risk-alert', category: 'food', industry: 'catering', relatedDecisions: [] }), ZJ, [JS], '2026-11-01T02:00:00.000Z');
    const ids = (q: Parameters<BulletinViews['search']>[0]) => views.search(q, auditor).map((v) => v.bulletinId);
    expect(ids({})).toEqual(['b2', 'b1']);
    expect(ids({ kind: 'risk-alert' })).toEqual(['b2']);
    expect(ids({ category: 'advertising', industry: 'e-commerce' })).toEqual(['b1']);
    expect(ids({ region: ZJ })).toEqual(['b2']);
    expect(ids({ region: JS })).toEqual(['b2', 'b1']);
    expect(ids({ from: '2026-01-01', to: '2026-06-30' })).toEqual(['b1']);
    expect(ids({ region: '340000' })).toEqual([]);
  });

  it('shows a withdrawn public bulletin as a notice of withdrawal, without its text', () => {
    const views = new BulletinViews();
    publish(views, 'b1', content());
    views.apply(envelope('bulletin.withdrawn', { bulletinId: 'b1', revision: 1, issuer: SH, title: '张三虚假宣传案', reason: '张三申请复议，原处罚被撤销', signature: sig, audienceBureaus: [SH], withdrawnAt: '2026-12-04T00:00:00.000Z' }));
    expect(views.publicOne('b1')).toMatchObject({ status: 'withdrawn', body: '', withdrawal: { reason: '张某申请复议，原处罚被撤销' } });
  });
});

describe('the public feed memo', () => {
  beforeEach(() => (version = new Map()));

  it('is recomputed after every applied change, not before', () => {
    const views = new BulletinViews();
    publish(views, 'b1', content());
    const first = views.publicFeed();
    expect(views.publicFeed()).toBe(first);
    views.apply(envelope('bulletin.withdrawn', { bulletinId: 'b1', revision: 1, issuer: SH, title: 't', reason: '撤回', signature: sig, audienceBureaus: [SH], withdrawnAt: '2026-12-04T00:00:00.000Z' }));
    expect(views.publicFeed()).not.toBe(first);
    expect(views.publicFeed()[0]?.status).toBe('withdrawn');
  });
});
