import { eventCatalog, type EventEnvelope } from '@yrd/contracts';
import { emptyCaseFile, evolveCaseFile, inheritedStreamOf, partiesChanged, usesCaseFile, type CaseFile } from './case-file';
import { registryDirectory } from './bureau-directory';
import { channelOfDelivery, deliveryId, isDeliveryId } from './delivery-id';
import { classifyHttpStatus, isLastAttempt, retryDelay } from './delivery-policy';
import { evolveDelivery, initialDeliveryState, recordDelivered, recordFailed, requestRetry, type DeliveryEvent } from './delivery';
import { checkEndpointUrl } from './endpoint-url';
import { planNotifications } from './plan-notifications';
import { checkRules, compileRule, matchRule, type RoutingRule } from './routing-rule';
import { DEFAULT_ROUTING_RULES } from './routing-rules.data';
import { compileTemplate, renderTemplate, TemplateError } from './template';
import { signatureHeader, verifyWebhookSignature } from './webhook-signature';

const directory = registryDirectory();
const rules = DEFAULT_ROUTING_RULES.map(compileRule);
let seq = 0;

function event(type: string, payload: Record<string, unknown>, over: Partial<EventEnvelope> = {}): EventEnvelope {
  seq++;
  return {
    eventId: `0190f3a2-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    streamId: 'referral-rf-1',
    streamVersion: seq,
    occurredAt: '2026-03-02T02:00:00.000Z',
    actor: { userId: 'officer-qp-1', bureau: '310118', role: 'officer' },
    correlationId: 'c-1',
    causationId: null,
    payload,
    prevHash: null,
    hash: 'a'.repeat(64),
    ...over,
  };
}

function route(e: EventEnvelope, file: CaseFile = emptyCaseFile(e.streamId), inherited?: CaseFile) {
  const rule = matchRule(rules, e.type, eventCatalog.get(e.type)?.context);
  const next = evolveCaseFile(file, e, rule?.case, inherited);
  const result = planNotifications(e, rule, next, directory);
  if (!result.ok) throw result.error;
  return { plan: result.plan, file: next };
}

describe('routing rules as data', () => {
  it('the default rules are valid: known event types, parsable zh and en templates', () => {
    const known = new Set(eventCatalog.definitions().map((d) => d.type));
    expect(checkRules(DEFAULT_ROUTING_RULES, known)).toEqual([]);
  });

  it('every clue, referral, assistance, joint-action, sanctions and bulletin event type has a rule (a new type must be routed as data)', () => {
    const unrouted = eventCatalog
      .definitions()
      .filter((d) => d.context === 'intake' || d.context === 'referral' || d.context === 'sanctions' || d.context === 'bulletin')
      // The @sanctions fallback keeps a new sanctions type from being lost, but each should get its own rule.
      .filter((d) => !DEFAULT_ROUTING_RULES.some((r) => r.event === d.type) && !matchRule(DEFAULT_ROUTING_RULES.filter((r) => !r.event.startsWith('@')), d.type))
      .map((d) => d.type);
    expect(unrouted).toEqual([]);
  });

  it('reports broken rules: unknown type, template syntax, webhook to an officer, no templates', () => {
    const bad: RoutingRule[] = [
      { event: 'referral.nonexistent', notify: [] },
      { event: 'referral.accepted', notify: [{ who: { to: 'originating-officer' }, channels: ['webhook'] }], templates: { zh: { subject: '{{payload.x', body: '' }, en: { subject: '', body: '{{payload.x | shout}}' } } },
      { event: 'referral.rejected', notify: [{ who: { to: 'target-bureaus' }, channels: ['inbox'] }] },
    ];
    const problems = checkRules(bad, new Set(['referral.accepted', 'referral.rejected']));
    expect(problems).toEqual(
      expect.arrayContaining([
        'rule referral.nonexistent: no such event type in the catalogue',
        'rule referral.accepted: webhooks go to bureaus, not officers',
        expect.stringContaining('unclosed "{{"'),
        'rule referral.rejected: notifies someone but has no templates',
      ]),
    );
  });

  it('matches the exact type first, then the longest family, then the context', () => {
    const set: RoutingRule[] = [
      { event: '@sanctions', notify: [] },
      { event: 'sanctions.*', notify: [] },
      { event: 'sanctions.penalty.*', notify: [] },
      { event: 'sanctions.penalty.recorded', notify: [] },
    ];
    expect(matchRule(set, 'sanctions.penalty.recorded', 'sanctions')?.event).toBe('sanctions.penalty.recorded');
    expect(matchRule(set, 'sanctions.penalty.revoked', 'sanctions')?.event).toBe('sanctions.penalty.*');
    expect(matchRule(set, 'sanctions.ban.listed', 'sanctions')?.event).toBe('sanctions.*');
    expect(matchRule(set, 'recognition.granted', 'sanctions')?.event).toBe('@sanctions');
    expect(matchRule(set, 'referral.accepted', 'referral')).toBeUndefined();
  });
});

describe('templates', () => {
  const env = { locale: 'zh' as const, bureauName: directory.displayName };

  it('renders paths, bureau names per language, dates in UTC+8, lists and optional values', () => {
    const t = compileTemplate('{{payload.to | bureau}} {{payload.at | date}} {{payload.list | bureau | join}}{{payload.none?}}!', 't');
    const data = { payload: { to: '320509', at: '2026-03-01T17:00:00Z', list: ['310118', '330421'] } };
    expect(renderTemplate(t, data, env)).toBe('苏州市吴江区市场监督管理局 2026-03-02 上海市青浦区市场监督管理局、嘉善县市场监督管理局!');
    expect(renderTemplate(t, data, { ...env, locale: 'en' })).toBe(
      'Wujiang Administration for Market Regulation 2026-03-02 Qingpu Administration for Market Regulation, Jiashan Administration for Market Regulation!',
    );
  });

  it('a missing value, a list without join, a bad filter or path are TemplateErrors naming the template', () => {
    expect(() => renderTemplate(compileTemplate('x {{payload.gone}}', 'r/zh/body'), { payload: {} }, env)).toThrow('template r/zh/body: {{payload.gone}}: the event has no value at payload.gone');
    expect(() => renderTemplate(compileTemplate('{{payload.l}}', 't'), { payload: { l: ['a'] } }, env)).toThrow('a list (add "| join")');
    expect(() => compileTemplate('{{payload.a | nope}}', 't')).toThrow(TemplateError);
    expect(() => compileTemplate('{{ payload..a }}', 't')).toThrow('is not a path');
    expect(() => compileTemplate('a }} b', 't')).toThrow('unmatched');
  });
});

describe('planning who hears of an event', () => {
  it('referral.created: the target bureau on every channel, the originating bureau in its inbox; officer inherited from the clue', () => {
    const clue = route(event('clue.submitted', { clueId: 'c1', discoveringBureau: '310118' }, { streamId: 'clue-c1', streamVersion: 1 })).file;
    const created = event(
      'referral.created',
      { referralId: 'rf-c1', clueId: 'c1', fromBureau: '310118', toBureau: '320509', subject: { name: '某某公司' }, allegedViolation: '虚假宣传' },
      { streamId: 'referral-rf-c1', streamVersion: 1, actor: { userId: 'clue-transfer', bureau: 'YRD-SYSTEM', role: 'system' } },
    );
    const rule = matchRule(rules, created.type);
    expect(inheritedStreamOf(created, rule?.case)).toBe('clue-c1');
    const { plan, file } = route(created, emptyCaseFile('referral-rf-c1'), clue);
    expect(file).toEqual({ streamId: 'referral-rf-c1', version: 1, originatingBureau: '310118', originatingOfficer: { userId: 'officer-qp-1', bureau: '310118' }, targetBureaus: ['320509'] });
    expect(plan.notifications).toEqual([
      { recipient: { kind: 'bureau', bureau: '320509' }, channels: ['webhook', 'email', 'inbox'], reasons: ['target-bureaus'] },
      { recipient: { kind: 'bureau', bureau: '310118' }, channels: ['inbox'], reasons: ['originating-bureau'] },
    ]);
    expect(plan.message.zh.subject).toBe('【案件移送】上海市青浦区市场监督管理局移送线索 rf-c1');
    expect(plan.message.en.body).toContain('to Wujiang Administration for Market Regulation: 某某公司');
  });

  it('referral.accepted by the target: the originating bureau and officer hear of it, the accepting bureau does not', () => {
    const file: CaseFile = { streamId: 'referral-rf-1', version: 2, originatingBureau: '310118', originatingOfficer: { userId: 'officer-qp-1', bureau: '310118' }, targetBureaus: ['320509'] };
    const accepted = event('referral.accepted', { referralId: 'rf-1', bureau: '320509', acceptedAt: '2026-03-03T01:00:00Z' }, { streamVersion: 3, actor: { userId: 'bureau-wj-1', bureau: '320509', role: 'bureau' } });
    const { plan } = route(accepted, file);
    expect(plan.notifications.map((n) => [n.recipient, n.channels])).toEqual([
      [{ kind: 'bureau', bureau: '310118' }, ['webhook', 'inbox']],
      [{ kind: 'user', userId: 'officer-qp-1', bureau: '310118' }, ['inbox', 'email']],
    ]);
  });

  it('overdue escalation reaches the supervisors of the target (Wujiang → Suzhou); a dispute reaches the designating authority', () => {
    const file: CaseFile = { streamId: 'referral-rf-1', version: 2, originatingBureau: '310118', targetBureaus: ['320509'] };
    const sys = { userId: 'clue-transfer', bureau: 'YRD-SYSTEM', role: 'system' as const };
    const overdue = route(event('referral.overdue-escalated', { referralId: 'rf-1', bureau: '320509', dueDate: '2026-03-20' }, { streamVersion: 3, actor: sys }), file).plan;
    expect(overdue.notifications.map((n) => n.recipient)).toEqual([
      { kind: 'bureau', bureau: '310118' },
      { kind: 'bureau', bureau: '320500' },
      { kind: 'bureau', bureau: '320509' },
    ]);
    const disputed = route(
      event('referral.disputed', { referralId: 'rf-1', bureau: '320509', reason: '不属本局', designatingAuthority: 'YRD-JOINT', designatingAuthorityKind: 'joint-mechanism' }, { streamVersion: 4, actor: { userId: 'bureau-wj-1', bureau: '320509', role: 'bureau' } }),
      file,
    ).plan;
    expect(disputed.notifications[0]).toEqual({ recipient: { kind: 'bureau', bureau: 'YRD-JOINT' }, channels: ['webhook', 'email', 'inbox'], reasons: ['bureau-at'] });
    expect(disputed.message.zh.body).toContain('请长三角市场监管联动执法协调机制指定管辖');
  });

  it('a joint action reaches every task bureau once; a sanctions event reaches every region', () => {
    const created = event('joint-action.created', {
      campaignId: 'ja1', title: '长三角食品安全联合执法', leadBureau: '310000', startsOn: '2026-04-01', endsOn: '2026-04-30',
      tasks: [{ taskId: 't1', bureau: '310118' }, { taskId: 't2', bureau: '320509' }, { taskId: 't3', bureau: '320509' }],
    }, { streamId: 'joint-action-ja1', streamVersion: 1, actor: { userId: 'officer-sh-1', bureau: '310000', role: 'officer' } });
    const { plan } = route(created);
    expect(plan.notifications.map((n) => n.recipient)).toEqual([{ kind: 'bureau', bureau: '310118' }, { kind: 'bureau', bureau: '320509' }]);
    expect(plan.message.en.body).toContain('with Qingpu Administration for Market Regulation, Wujiang Administration for Market Regulation');

    const sanction = matchRule(rules, 'sanctions.ban-listed', 'sanctions');
    const e = event('sanctions.ban-listed', {}, { streamId: 'ban-1', streamVersion: 1 });
    const result = planNotifications(e, sanction, emptyCaseFile('ban-1'), directory);
    expect(result.ok && result.plan.notifications.map((n) => (n.recipient.kind === 'bureau' ? n.recipient.bureau : ''))).toEqual(['310000', '320000', '330000', '340000']);
  });

  it('a sanction reaches every region on every channel; a recognition reaches the issuing bureau; evaluations nobody', () => {
    const sanction = route(
      event('sanction.imposed', {
        sanctionId: 's1', kind: 'food-industry-ban', subject: { name: '张某', personId: '310101199001011234' }, start: '2026-03-01', lifelong: true,
        basis: { id: 'fsl-135', source: '食品安全法', text: '…' }, source: { type: 'penalty-decision', ref: 'pd1', documentNumber: '沪市监罚〔2026〕1号', region: '310000', issuer: '上海市市场监督管理局' }, reason: '吊销许可证',
      }, { streamId: 'sanction-s1', actor: { userId: 'sanctions', bureau: 'YRD-SYSTEM', role: 'system' } }),
    ).plan;
    expect(sanction.notifications.map((n) => [n.recipient.bureau, n.channels.length])).toEqual([['310000', 3], ['320000', 3], ['330000', 3], ['340000', 3]]);
    expect(sanction.message.zh.body).toBe('张某自 2026-03-01 起列入 food-industry-ban，依据：食品安全法，来源：沪市监罚〔2026〕1号。请各地许可系统自动拦截。');
    const recognised = route(
      event('recognition.recognised', { recognitionId: 'r1', region: '320000', decision: { decisionNumber: '青市监罚〔2026〕7号', issuingBureau: '310118' }, automatic: true, recognisedAt: '2026-03-02T00:00:00Z' }, { streamId: 'recognition-320000-pd1' }),
    ).plan;
    expect(recognised.notifications.map((n) => n.recipient)).toEqual([{ kind: 'bureau', bureau: '310118' }]);
    expect(recognised.message.en.subject).toBe('Jiangsu Administration for Market Regulation recognised 青市监罚〔2026〕7号');
    expect(route(event('exemption.evaluated', {}, { streamId: 'exemption-evaluation-1' })).plan.notifications).toEqual([]);
  });

  it('a template the event cannot fill fails the whole plan (nothing is queued)', () => {
    const rule = compileRule({ event: 'referral.accepted', notify: [{ who: { to: 'bureau-at', path: 'payload.bureau' }, channels: ['inbox'] }], notifyActor: true, templates: { zh: { subject: '{{payload.nope}}', body: '' }, en: { subject: '', body: '' } } });
    const result = planNotifications(event('referral.accepted', { bureau: '320509' }), rule, emptyCaseFile('referral-rf-1'), directory);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe('template referral.accepted/zh/subject: {{payload.nope}}: the event has no value at payload.nope');
  });

  it('the case file ignores an event it has already folded (redelivery)', () => {
    const file: CaseFile = { streamId: 's', version: 5, targetBureaus: ['320509'] };
    const old = event('referral.designated', { designatedBureau: '330421' }, { streamVersion: 4 });
    expect(evolveCaseFile(file, old, { targetBureaus: 'payload.designatedBureau' })).toBe(file);
    expect(evolveCaseFile(file, { ...old, streamVersion: 6 }, { targetBureaus: 'payload.designatedBureau' }).targetBureaus).toEqual(['330421']);
  });
});

describe('delivery ids, policy and receipts', () => {
  it('ids are deterministic, free of ":" and "-", and name their channel', () => {
    const a = deliveryId('0190f3a2-0000-7000-8000-000000000001', 'webhook', 'whe_1');
    expect(a).toBe(deliveryId('0190f3a2-0000-7000-8000-000000000001', 'webhook', 'whe_1'));
    expect(a).not.toBe(deliveryId('0190f3a2-0000-7000-8000-000000000001', 'webhook', 'whe_2'));
    expect(a).toMatch(/^0190f3a2000070008000000000000001\.webhook\.[0-9a-f]{16}$/);
    expect(isDeliveryId(a)).toBe(true);
    expect(channelOfDelivery(a)).toBe('webhook');
  });

  it('backs off exponentially with bounded jitter and a cap', () => {
    const p = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 5000, jitter: 0.5 };
    expect([1, 2, 3, 4].map((n) => retryDelay(p, n, () => 0))).toEqual([500, 1000, 2000, 2500]);
    expect([1, 2, 3, 4].map((n) => retryDelay(p, n, () => 0.999999))).toEqual([1000, 2000, 4000, 5000]);
    expect(retryDelay({ ...p, jitter: 0 }, 2, Math.random)).toBe(2000);
    expect(isLastAttempt(p, 4)).toBe(false);
    expect(isLastAttempt(p, 5)).toBe(true);
    expect([200, 204, 500, 503, 429, 408, 400, 401, 404, 410].map(classifyHttpStatus)).toEqual([
      'delivered', 'delivered', 'retry', 'retry', 'retry', 'retry', 'refused', 'refused', 'refused', 'refused',
    ]);
  });

  it('one receipt per round: a redone job records nothing; a manual retry opens a new round', () => {
    const facts = { deliveryId: 'd', eventId: 'e', eventType: 't', sourceStreamId: 's', channel: 'webhook' as const, recipient: { bureau: '320509' }, target: 'whe_1', attempts: 1, queuedAt: 'q' };
    const fold = (events: DeliveryEvent[]) => events.reduce(evolveDelivery, initialDeliveryState);
    const failed = recordFailed({ ...facts, error: 'x', failedAt: 'f' })(initialDeliveryState);
    expect(failed.ok && failed.value.map((e) => e.type)).toEqual(['notification.failed']);
    const afterFail = fold(failed.ok ? failed.value : []);
    expect(recordFailed({ ...facts, error: 'x', failedAt: 'f' })(afterFail)).toEqual({ ok: true, value: [] });
    const retry = requestRetry({ deliveryId: 'd', requestedBy: 'admin-1', requestedAt: 'r' })(afterFail);
    const afterRetry = fold([...(failed.ok ? failed.value : []), ...(retry.ok ? retry.value : [])]);
    expect(afterRetry).toEqual({ status: 'pending', rounds: 2 });
    const delivered = recordDelivered({ ...facts, deliveredAt: 'd', latencyMs: 3 })(afterRetry);
    expect(delivered.ok && delivered.value).toHaveLength(1);
    const done = fold([{ type: 'notification.delivered', data: { ...facts, deliveredAt: 'd', latencyMs: 3 } }]);
    expect(recordDelivered({ ...facts, deliveredAt: 'd', latencyMs: 3 })(done)).toEqual({ ok: true, value: [] });
    expect(requestRetry({ deliveryId: 'd', requestedBy: 'a', requestedAt: 'r' })(done).ok).toBe(false);
  });
});

describe('webhook signatures', () => {
  const body = JSON.stringify({ hello: '世界' });
  const now = 1_780_000_000_000;
  const t = now / 1000;

  it('verifies with the secret; a tampered body, a wrong secret or an old timestamp fail', () => {
    const header = signatureHeader(['whsec_new'], t, body);
    expect(header).toMatch(/^t=1780000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ header, body, secrets: 'whsec_new', nowMs: now })).toEqual({ ok: true, timestamp: t });
    expect(verifyWebhookSignature({ header, body: Buffer.from(body), secrets: 'whsec_new', nowMs: now }).ok).toBe(true);
    expect(verifyWebhookSignature({ header, body: body.replace('世界', '世間'), secrets: 'whsec_new', nowMs: now })).toEqual({ ok: false, reason: 'no-matching-signature' });
    expect(verifyWebhookSignature({ header, body, secrets: 'whsec_other', nowMs: now })).toEqual({ ok: false, reason: 'no-matching-signature' });
    expect(verifyWebhookSignature({ header, body, secrets: 'whsec_new', nowMs: now + 301_000 })).toEqual({ ok: false, reason: 'timestamp-out-of-tolerance' });
    expect(verifyWebhookSignature({ header: 'garbage', body, secrets: 'whsec_new', nowMs: now })).toEqual({ ok: false, reason: 'malformed-header' });
  });

  it('during a rotation both secrets sign, so a receiver with either verifies', () => {
    const header = signatureHeader(['whsec_new', 'whsec_old'], t, body);
    expect(header.split(',')).toHaveLength(3);
    expect(verifyWebhookSignature({ header, body, secrets: 'whsec_old', nowMs: now }).ok).toBe(true);
    expect(verifyWebhookSignature({ header, body, secrets: 'whsec_new', nowMs: now }).ok).toBe(true);
  });
});

describe('endpoint URLs', () => {
  it('requires https in production, rejects malformed URLs, credentials and fragments', () => {
    expect(checkEndpointUrl('https://partner.example.cn/hooks/yrd', { requireHttps: true })).toEqual({ ok: true, url: 'https://partner.example.cn/hooks/yrd' });
    expect(checkEndpointUrl('http://partner.example.cn/hooks', { requireHttps: true })).toEqual({ ok: false, error: 'url must use https in production' });
    expect(checkEndpointUrl('http://127.0.0.1:8080/hooks', { requireHttps: false }).ok).toBe(true);
    expect(checkEndpointUrl('not a url', { requireHttps: false })).toEqual({ ok: false, error: 'url "not a url" is not a valid absolute URL' });
    expect(checkEndpointUrl('ftp://x.cn/', { requireHttps: false }).ok).toBe(false);
    expect(checkEndpointUrl('https://u:p@x.cn/', { requireHttps: true }).ok).toBe(false);
    expect(checkEndpointUrl('https://x.cn/#a', { requireHttps: true }).ok).toBe(false);
  });
});

describe('case file use', () => {
  it('only rules that involve case parties read the case file; only changed parties are worth a write', () => {
    const byEvent = (t: string) => DEFAULT_ROUTING_RULES.find((r) => r.event === t);
    expect(usesCaseFile(byEvent('referral.deadline-reminded'))).toBe(false);
    expect(usesCaseFile(byEvent('referral.accepted'))).toBe(true);
    expect(usesCaseFile(byEvent('clue.submitted'))).toBe(true);
    expect(usesCaseFile(byEvent('joint-action.created'))).toBe(true);
    const a: CaseFile = { streamId: 's', version: 1, originatingBureau: '310118', targetBureaus: ['320509'] };
    expect(partiesChanged(a, { ...a, version: 2 })).toBe(false);
    expect(partiesChanged(a, { ...a, targetBureaus: ['330421'] })).toBe(true);
    expect(partiesChanged(a, { ...a, originatingOfficer: { userId: 'o', bureau: '310118' } })).toBe(true);
  });
});
