import { withCreditCodeCheckChar } from '@yrd/bureaus';

/** A Qingpu-registered company and a Jiashan one (valid check characters). */
export const QINGPU_COMPANY = (seq: string) => withCreditCodeCheckChar(`91310118MA1J${seq.padStart(5, '0').slice(-5)}`);
/** Resident ids with valid check characters, varied by a 3-digit sequence. */
export function personId(seq: number): string {
  const first17 = `31010119850615${String(100 + (seq % 800)).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * (w[i] ?? 0), 0);
  return first17 + '10X98765432'[sum % 11];
}

export const decisionBody = (overrides: Record<string, unknown> = {}) => ({
  decisionNumber: '沪市监青处罚〔2026〕12号',
  caseRef: 'case-qp-2026-12',
  issuingBureau: '310118',
  subject: { name: '上海某某商贸有限公司', creditCode: QINGPU_COMPANY('1') },
  responsiblePersons: [],
  category: 'advertising',
  violationKind: 'advertising.absolute-terms',
  facts: '当事人在其经营场所张贴的广告中使用“最佳”用语。',
  provisionsViolated: ['《中华人民共和国广告法》第九条第三项'],
  penaltyProvisions: ['《中华人民共和国广告法》第五十七条第一项'],
  penalties: [{ kind: 'fine', amountFen: 20_000_000 }],
  decisionDate: '2026-03-02',
  listings: [],
  ...overrides,
});
