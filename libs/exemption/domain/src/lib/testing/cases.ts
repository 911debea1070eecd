import { CaseFacts } from '../case-facts';

/** A Jiashan (Zhejiang, demonstration zone) advertising case; override what a test is about. */
export const jiashanAdCase = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  caseRef: 'case-js-1',
  bureau: '330421',
  subject: { name: '嘉善某某商贸有限公司', creditCode: '91330421MA2BC00021' },
  violationKind: 'advertising.absolute-terms',
  caseDate: '2026-09-01',
  discoveredOn: '2026-08-20',
  correction: { orderedBy: '2026-08-27', correctedOn: '2026-08-25' },
  harm: 'none',
  flags: { ownPremisesOrSelfMedia: true },
  ...overrides,
});
