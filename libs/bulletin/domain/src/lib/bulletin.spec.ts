import { decide, evolve, initialState, unacknowledged, type Command, type Content, type Event, type State } from './bulletin';

const NOW = new Date('2026-12-02T08:00:00Z');
const content: Content = {
  kind: 'typical-case',
  title: '长三角联合通报典型违法广告案例',
  body: '张三经营的网店使用“国家级”用语。',
  category: 'advertising',
  industry: 'e-commerce',
  relatedCases: ['嘉市监罚〔2026〕88号'],
  attachments: [],
  audience: { kind: 'public' },
  persons: [{ name: '张三' }],
};
const sig = (bureau: string) => ({ bureau, keyId: `${bureau}-k1`, value: `sig-${bureau}` });
const SH = '310000';
const JS = '320000';
const ZJ = '330000';

function given(...commands: Command[]): State {
  return commands.reduce((s, c) => {
    const d = decide(c, s, NOW);
    if (!d.ok) throw new Error(d.error.message);
    return d.value.reduce(evolve, s);
  }, initialState);
}
const types = (d: ReturnType<typeof decide>) => (d.ok ? d.value.map((e: Event) => e.type) : d.error.code);
const propose: Command = { type: 'propose', bulletinId: 'b-1', issuer: SH, coIssuers: [JS, ZJ], content, signature: sig(SH) };

describe('joint bulletin', () => {
  it('is published when the last co-issuing region signs, not before', () => {
    const proposed = given(propose);
    expect(proposed.status).toBe('awaiting-signatures');
    expect(types(decide({ type: 'sign', bureau: JS, signature: sig(JS) }, proposed, NOW))).toEqual(['bulletin.cosigned']);
    const oneSigned = given(propose, { type: 'sign', bureau: JS, signature: sig(JS) });
    expect(types(decide({ type: 'sign', bureau: ZJ, signature: sig(ZJ) }, oneSigned, NOW))).toEqual(['bulletin.cosigned', 'bulletin.published']);
  });

  it('is blocked by a refusal with a reason; nobody signs after it', () => {
    const refused = given(propose, { type: 'refuse', bureau: JS, reason: '案情表述需核实', signature: sig(JS) });
    expect(refused).toMatchObject({ status: 'refused', refusal: { bureau: JS, reason: '案情表述需核实' } });
    expect(types(decide({ type: 'sign', bureau: ZJ, signature: sig(ZJ) }, refused, NOW))).toBe('WRONG_STATE');
    expect(types(decide({ type: 'refuse', bureau: ZJ, reason: ' ', signature: sig(ZJ) }, given(propose), NOW))).toBe('INVALID');
  });

  it('is signed only by its co-issuers, once each', () => {
    expect(types(decide({ type: 'sign', bureau: '340000', signature: sig('340000') }, given(propose), NOW))).toBe('NOT_A_CO_ISSUER');
    expect(types(decide({ type: 'sign', bureau: JS, signature: sig(JS) }, given(propose, { type: 'sign', bureau: JS, signature: sig(JS) }), NOW))).toBe('ALREADY_SIGNED');
  });

  it('is corrected as a new revision or withdrawn, with a reason, by its issuer only', () => {
    const published = given(propose, { type: 'sign', bureau: JS, signature: sig(JS) }, { type: 'sign', bureau: ZJ, signature: sig(ZJ) });
    expect(types(decide({ type: 'withdraw', bureau: JS, reason: '错误' }, published, NOW))).toBe('NOT_ISSUER');
    const corrected = given(propose, { type: 'sign', bureau: JS, signature: sig(JS) }, { type: 'sign', bureau: ZJ, signature: sig(ZJ) }, { type: 'correct', bureau: SH, content: { ...content, title: '更正' }, reason: '标题有误' });
    expect(corrected).toMatchObject({ revision: 2, content: { title: '更正' }, status: 'published' });
    const withdrawn = given(propose, { type: 'sign', bureau: JS, signature: sig(JS) }, { type: 'sign', bureau: ZJ, signature: sig(ZJ) }, { type: 'withdraw', bureau: SH, reason: '当事人行政复议撤销原处罚' });
    expect(withdrawn.status).toBe('withdrawn');
    expect(types(decide({ type: 'withdraw', bureau: SH, reason: '' }, published, NOW))).toBe('INVALID');
  });

  it('tracks who in the audience has read it; reading twice changes nothing', () => {
    const published = given(propose, { type: 'sign', bureau: JS, signature: sig(JS) }, { type: 'sign', bureau: ZJ, signature: sig(ZJ) });
    const read = given(propose, { type: 'sign', bureau: JS, signature: sig(JS) }, { type: 'sign', bureau: ZJ, signature: sig(ZJ) }, { type: 'acknowledge', bureau: '330421', inAudience: true });
    expect(unacknowledged(published, [SH, '330421', '320509'])).toEqual(['330421', '320509']);
    expect(unacknowledged(read, [SH, '330421', '320509'])).toEqual(['320509']);
    expect(types(decide({ type: 'acknowledge', bureau: '330421', inAudience: true }, read, NOW))).toEqual([]);
    expect(types(decide({ type: 'acknowledge', bureau: '999999', inAudience: false }, published, NOW))).toBe('NOT_IN_AUDIENCE');
  });

  it('of one bureau alone is published at once', () => {
    expect(given({ ...propose, coIssuers: [] }).status).toBe('published');
  });
});
