import { createHash } from 'node:crypto';
import { devUser, mintToken } from '@yrd/auth';
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import { eventually } from '@yrd/testing';
import { ApiClient } from '../support/api-client';
import { E2E_JWT_SECRET, RunningSystem } from '../support/running-system';

const JIASHAN_COMPANY = withCreditCodeCheckChar('91330421MA2B00003');

interface TimelineEntry {
  type: string;
  actor: { userId: string; bureau: string };
  payload: Record<string, unknown>;
}

/**
 * The console's order: submit the clue, then upload its evidence to the notary. The upload names
 * the clue; case-intake links it to the clue (`clue.evidence-attached` on the clue's stream) and
 * clue-transfer to the clue's referral, so the receiving bureau sees it listed and, once shared,
 * reads it.
 */
describe('evidence uploaded after a clue is submitted is linked to the clue and its referral', () => {
  const system = new RunningSystem();
  let officerQp: ApiClient;

  beforeAll(async () => {
    await system.start('case-intake', 'clue-transfer', 'evidence-notary');
    officerQp = new ApiClient(system.url('case-intake'), 'officer-qp-1');
  });

  afterAll(async () => {
    await system.stopAll();
  });

  /** POST /evidence as the Qingpu officer, raw body, metadata in the header (as a capture tool does). */
  async function upload(clueId: string, file: Buffer): Promise<{ status: number; body: unknown }> {
    const token = mintToken(devUser('officer-qp-1'), { secret: E2E_JWT_SECRET });
    const res = await fetch(`${system.url('evidence-notary')}/evidence`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/pdf',
        'x-evidence-metadata': encodeURIComponent(JSON.stringify({ clueId, source: { method: 'upload' }, title: '现场检查笔录' })),
      },
      body: file,
    });
    return { status: res.status, body: await res.json() };
  }

  it('appears in the clue’s evidenceRefs, as an event on its stream, and in the referral the receiver reads', async () => {
    const submitted = await officerQp.post('/clues', {
      subject: { name: '嘉善某电子商务有限公司', creditCode: JIASHAN_COMPANY },
      allegedViolation: '虚假宣传',
      facts: '网店页面宣称产品为“国家级”“最佳”，无相关证明。',
      place: { divisionCode: '310118', address: '上海市青浦区华新镇' },
      evidenceRefs: [],
      urgency: 'normal',
    });
    expect(submitted.status).toBe(201);
    const clueId: string = submitted.body.clueId;
    expect(submitted.body.routing).toMatchObject({ outcome: 'referred', target: '330421' });

    const file = Buffer.from(`%PDF-1.4\n% 现场检查笔录 ${clueId}\n%%EOF\n`);
    const sha256 = createHash('sha256').update(file).digest('hex');
    // The notary learns of the clue from case-intake's events: until then it answers 422 unknown-case.
    const receipt = await eventually(
      async () => {
        const res = await upload(clueId, file);
        expect(res.status).toBe(201);
        return res.body as { entry: { entryId: string; sha256: string } };
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const evidenceId = receipt.entry.entryId;
    expect(receipt.entry.sha256).toBe(sha256);

    const clue = await eventually(
      async () => {
        const res = await officerQp.get(`/clues/${clueId}`);
        expect(res.status).toBe(200);
        expect(res.body.evidenceRefs).toEqual([evidenceId]);
        return res.body as { timeline: TimelineEntry[]; chain: { valid: boolean } };
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const attached = clue.timeline.filter((e) => e.type === 'clue.evidence-attached');
    expect(attached).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ userId: 'officer-qp-1', bureau: '310118' }),
        payload: expect.objectContaining({ clueId, evidenceId, sha256, attachedBy: '310118' }),
      }),
    ]);
    expect(clue.chain.valid).toBe(true);

    // The referral carries it too; once shared (as the console does), Jiashan reads it.
    const jiashan = new ApiClient(system.url('clue-transfer'), 'bureau-jsh-1');
    await eventually(
      async () => {
        const res = await jiashan.get(`/referrals/rf-${clueId}`);
        expect(res.status).toBe(200);
        expect(res.body.referral.evidenceRefs).toEqual([evidenceId]);
        expect((res.body.timeline as TimelineEntry[]).map((e) => e.type)).toContain('referral.evidence-attached');
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const notaryQp = new ApiClient(system.url('evidence-notary'), 'officer-qp-1');
    expect((await notaryQp.post(`/evidence/${evidenceId}/shares`, { toBureau: '330421', reason: '随线索移送' })).status).toBe(201);
    const listed = await new ApiClient(system.url('evidence-notary'), 'bureau-jsh-1').get(`/evidence?clueId=${clueId}`);
    expect(listed.status).toBe(200);
    expect((listed.body as Array<{ entryId: string; sha256: string }>).map((e) => [e.entryId, e.sha256])).toEqual([[evidenceId, sha256]]);
  });
});
