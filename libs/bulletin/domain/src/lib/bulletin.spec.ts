import { decide, evolve, initialState, statementOf, unacknowledged, type Command, type Content, type Event, type State } from './bulletin';

const NOW = new Date('2026-12-02T08:00:00Z');
const content: Content = {
  kind: 'typical-case',
  title: '长三角联合通报典型违法广告案例',
  body: '张三经营的网店使用“国家级”用语。',
  category: 'advertising',
  industry: 'e-commerce',
  relatedDecisions: ['pd0001'],
  attachments: [],
  audience: { kind: 'public' },
  persons: [{ name: '张三' }],
};
const signed = (bureau: string, hash = 'h1') => ({ signature: { alg: 'Ed25519' as const, keyId: `${bureau}-k1`, value: `sig-${bureau}` }, contentSha256: hash });
const SH = '310000';
const JS = '320000';
const ZJ = '330000';
const AUDIENCE = [SH, JS, ZJ, '310118', '330421', '320509'];

function given(...commands: Command[]): State {
  return commands.reduce((s, c) => {
    const d = decide(c, s, NOW);
    if (!d.ok) throw new Error(d.error.message);
    return d.value.reduce(evolve, s);
  }, initialState);
}
const types = (d: ReturnType<typeof decide>) => (d.ok ? d.value.map((e: Event) => e.type) : d.error.code);
const propose: Command = { type: 'propose', bulletinId: 'b-1', issuer: SH, coIssuers: [JS, ZJ], audienceBureaus: AUDIENCE, content, ...signed(SH) };
const sign = (bureau: string): Command => ({ type: 'sign', bureau, ...signed(bureau) });
const publishedState = () => given(propose, sign(JS), sign(ZJ));

describe('joint bulletin', () => {
  it('is published when the last co-issuing region signs, not before, to the audience fixed at proposal', () => {
    const proposed = given(propose);
    expect(proposed.status).toBe('awaiting-signatures');
    expect(types(decide(sign(JS), proposed, NOW))).toEqual(['bulletin.cosigned']);
    const last = decide(sign(ZJ), given(propose, sign(JS)), NOW);
    expect(types(last)).toEqual(['bulletin.cosigned', 'bulletin.published']);
    expect(last.ok && last.value[1]?.data).toMatchObject({ revision: 1, audienceBureaus: AUDIENCE, title: content.title, coIssuers: [JS, ZJ] });
  });

  it('is blocked by a refusal with a reason; nobody signs after it', () => {
    const refused = given(propose, { type: 'refuse', bureau: JS, reason: '案情表述需核实', ...signed(JS) });
    expect(refused).toMatchObject({ status: 'refused', refusal: { bureau: JS, reason: '案情表述需核实' } });
    expect(types(decide(sign(ZJ), refused, NOW))).toBe('WRONG_STATE');
    // A bureau that is not a co-issuer is refused as such, not told the bulletin's state.
    expect(types(decide(sign('340000'), refused, NOW))).toBe('NOT_A_CO_ISSUER');
    expect(types(decide({ type: 'refuse', bureau: ZJ, reason: ' ', ...signed(ZJ) }, given(propose), NOW))).toBe('INVALID');
  });

  it('is signed only by its co-issuers, once each', () => {
    expect(types(decide(sign('340000'), given(propose), NOW))).toBe('NOT_A_CO_ISSUER');
    expect(types(decide(sign(JS), given(propose, sign(JS)), NOW))).toBe('ALREADY_SIGNED');
  });

  it('needs a title, a body, and for a typical case the penalty decisions it reports', () => {
    expect(types(decide({ ...propose, content: { ...content, title: ' ' } } as Command, initialState, NOW))).toBe('INVALID');
    expect(types(decide({ ...propose, content: { ...content, relatedDecisions: [] } } as Command, initialState, NOW))).toBe('INVALID');
    expect(types(decide({ ...propose, content: { ...content, kind: 'risk-alert', relatedDecisions: [] } } as Command, initialState, NOW))).toEqual(['bulletin.proposed']);
  });

  it('is corrected as a new revision or withdrawn, with a reason, by its issuer only', () => {
    const correction: Command = { type: 'correct', bureau: SH, content: { ...content, title: '更正' }, reason: '标题有误', ...signed(SH, 'h2') };
    expect(types(decide({ type: 'withdraw', bureau: JS, reason: '错误', ...signed(JS) }, publishedState(), NOW))).toBe('NOT_ISSUER');
    expect(given(propose, sign(JS), sign(ZJ), correction)).toMatchObject({ revision: 2, content: { title: '更正' }, contentSha256: 'h2', status: 'published' });
    expect(types(decide({ ...correction, contentSha256: 'h1' } as Command, publishedState(), NOW))).toBe('INVALID');
    expect(types(decide({ ...correction, content: { ...content, audience: { kind: 'delta' } } } as Command, publishedState(), NOW))).toBe('INVALID');
    const withdrawn = given(propose, sign(JS), sign(ZJ), { type: 'withdraw', bureau: SH, reason: '当事人行政复议撤销原处罚', ...signed(SH) });
    expect(withdrawn.status).toBe('withdrawn');
    expect(types(decide({ type: 'withdraw', bureau: SH, reason: '', ...signed(SH) }, publishedState(), NOW))).toBe('INVALID');
  });

  it('tracks who in the audience has read it; reading twice changes nothing; signers need not read it', () => {
    const read = given(propose, sign(JS), sign(ZJ), { type: 'acknowledge', bureau: '330421', userId: 'officer-jsh-1' });
    expect(unacknowledged(publishedState())).toEqual(['310118', '330421', '320509']);
    expect(unacknowledged(read)).toEqual(['310118', '320509']);
    expect(types(decide({ type: 'acknowledge', bureau: '330421', userId: 'x' }, read, NOW))).toEqual([]);
    expect(types(decide({ type: 'acknowledge', bureau: '999999', userId: 'x' }, publishedState(), NOW))).toBe('NOT_IN_AUDIENCE');
    expect(types(decide({ type: 'acknowledge', bureau: '330421', userId: 'x' }, given(propose), NOW))).toBe('WRONG_STATE');
    expect(types(decide({ type: 'acknowledge', bureau: '999999', userId: 'x' }, given(propose), NOW))).toBe('NOT_IN_AUDIENCE');
  });

  it('reminds the bureaus still unread at the deadline, once, and only while published', () => {
    const read = given(propose, sign(JS), sign(ZJ), { type: 'acknowledge', bureau: '330421', userId: 'officer-jsh-1' });
    const remind = decide({ type: 'remind-unread', due: '2026-12-09' }, read, NOW);
    expect(remind.ok && remind.value[0]?.data).toMatchObject({ unread: ['310118', '320509'], due: '2026-12-09', issuer: SH });
    const reminded = given(propose, sign(JS), sign(ZJ), { type: 'remind-unread', due: '2026-12-09' });
    expect(types(decide({ type: 'remind-unread', due: '2026-12-09' }, reminded, NOW))).toEqual([]);
    expect(types(decide({ type: 'remind-unread', due: '2026-12-09' }, given(propose), NOW))).toEqual([]);
    const allRead = given(propose, sign(JS), sign(ZJ), ...['310118', '330421', '320509'].map((b): Command => ({ type: 'acknowledge', bureau: b, userId: 'u' })));
    expect(types(decide({ type: 'remind-unread', due: '2026-12-09' }, allRead, NOW))).toEqual([]);
  });

  it('of one bureau alone is published at once', () => {
    expect(given({ ...propose, coIssuers: [] } as Command).status).toBe('published');
  });

  it('signs statements that name the act, the revision and the content hash', () => {
    expect(statementOf('refuse', 'b-1', JS, 1, 'h1', '理由')).toEqual({ schema: 'yrd.bulletin/1', act: 'refuse', bulletinId: 'b-1', bureau: JS, revision: 1, contentSha256: 'h1', reason: '理由' });
  });
});
