import { generateKeyPairSync } from 'node:crypto';
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import type { PenaltyDecisionContent } from '../decision-content';
import { BureauKeyEntry, BureauKeyRegistry } from '../key-registry';
import { ok } from '../result';
import { publicKeyOf, signDocument, SigningKey } from '../signature';
import type { PenaltyDecisionContext } from '../penalty-decision';

/** A fresh Ed25519 key for a bureau (tests generate their own; nothing secret is shipped here). */
export function testKey(bureau: string, keyId = `test-${bureau}`): SigningKey {
  return { keyId, bureau, privateKey: generateKeyPairSync('ed25519').privateKey };
}

export const registryEntry = (key: SigningKey, extra: Partial<BureauKeyEntry> = {}): BureauKeyEntry => ({
  keyId: key.keyId,
  bureau: key.bureau,
  algorithm: 'Ed25519',
  publicKey: publicKeyOf(key),
  validFrom: '2020-01-01',
  ...extra,
});

export const registryOf = (...keys: SigningKey[]): BureauKeyRegistry => new BureauKeyRegistry(keys.map((k) => registryEntry(k)));

export const signingContext = (key: SigningKey): PenaltyDecisionContext => ({ sign: (doc) => ok(signDocument(doc, key)) });

/** Valid credit codes registered in Qingpu, Jiashan and Hefei. */
export const CC_QINGPU = withCreditCodeCheckChar('91310118MA1JL0001');
export const CC_JIASHAN = withCreditCodeCheckChar('91330421MA2BC0002');
/** Valid resident ids (check character computed). */
export const PERSON_A = '110101199003074514';
export const PERSON_B = '310101198506152310';

export function decisionContent(overrides: Partial<PenaltyDecisionContent> = {}): PenaltyDecisionContent {
  return {
    decisionNumber: '沪市监青处罚〔2026〕12号',
    caseRef: 'case-qp-2026-12',
    issuingBureau: '310118',
    subject: { name: '上海某某食品有限公司', creditCode: CC_QINGPU },
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
  };
}

export const at = (date: string): Date => new Date(`${date}T02:00:00Z`);
