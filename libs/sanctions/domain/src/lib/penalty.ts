import { parseCreditCode, parsePersonId } from '@yrd/bureaus';
import { isIsoDate } from './dates';
import { DomainError, refuse } from './errors';
import { isNonEmpty, ok, Result } from './result';

/**
 * The kinds of administrative penalty (《行政处罚法》第九条), as the registry needs them.
 * Amounts are integers in fen (分) so sums never round.
 */
export type Penalty =
  | { kind: 'warning' }
  | { kind: 'public-criticism' }
  | { kind: 'fine'; amountFen: number }
  | { kind: 'confiscation-of-illegal-income'; amountFen: number }
  | { kind: 'confiscation-of-property'; description: string }
  | { kind: 'licence-suspension'; licence: Licence; months: number }
  | { kind: 'licence-revocation'; licence: Licence }
  | { kind: 'production-suspension'; description: string }
  | { kind: 'employment-restriction'; years: number };

/**
 * Sanity bounds from the order of magnitude of the statutory ranges: the largest fines are
 * multiples of goods value (e.g. 《食品安全法》Art. 124: up to 30×) and stay far below ¥1 billion;
 * an employment restriction (限制从业) runs for a term of years — at most ten (《药品管理法》
 * Art. 118 / 《疫苗管理法》Art. 80: 十年内禁止; a ban for life is a sanction of its own, see
 * sanction.ts); a licence suspension is counted in months, never beyond ten years.
 */
export const MAX_AMOUNT_FEN = 100_000_000_000;
export const MAX_EMPLOYMENT_RESTRICTION_YEARS = 10;
export const MAX_SUSPENSION_MONTHS = 120;

export type PenaltyKind = Penalty['kind'];
export const PENALTY_KINDS: readonly PenaltyKind[] = [
  'warning',
  'public-criticism',
  'fine',
  'confiscation-of-illegal-income',
  'confiscation-of-property',
  'licence-suspension',
  'licence-revocation',
  'production-suspension',
  'employment-restriction',
];

/** Licence types that matter to the food-industry ban (食品生产许可 / 食品经营许可) and others. */
export type LicenceType = 'food-production' | 'food-business' | 'drug' | 'medical-device' | 'other';
export const LICENCE_TYPES: readonly LicenceType[] = ['food-production', 'food-business', 'drug', 'medical-device', 'other'];
export const FOOD_LICENCES: readonly LicenceType[] = ['food-production', 'food-business'];

export interface Licence {
  type: LicenceType;
  number: string;
}

/** The party penalised: an organisation (credit code) or a natural person (resident id), exactly one. */
export interface Party {
  name: string;
  creditCode?: string;
  personId?: string;
}

export type ResponsibleRole = 'legal-representative' | 'directly-responsible-manager' | 'other-directly-responsible';
export const RESPONSIBLE_ROLES: readonly ResponsibleRole[] = ['legal-representative', 'directly-responsible-manager', 'other-directly-responsible'];

/** 法定代表人、直接负责的主管人员和其他直接责任人员 — the persons a food-industry ban reaches. */
export interface ResponsiblePerson {
  name: string;
  personId: string;
  role: ResponsibleRole;
}

/** A subject key for indexes: `cc:<credit code>` or `pid:<person id>`. */
export const subjectKey = (p: { creditCode?: string; personId?: string }): string =>
  p.creditCode ? `cc:${p.creditCode}` : `pid:${p.personId ?? ''}`;

export function checkParty(p: Party | undefined, field = 'subject'): Result<Party, DomainError> {
  if (!p || !isNonEmpty(p.name)) return refuse('INVALID_COMMAND', `${field}.name is required`);
  if ((p.creditCode === undefined) === (p.personId === undefined)) {
    return refuse('INVALID_COMMAND', `${field} needs exactly one of creditCode and personId`);
  }
  if (p.creditCode !== undefined && !parseCreditCode(p.creditCode).ok) {
    return refuse('INVALID_CREDIT_CODE', `${field}.creditCode ${p.creditCode} is not a valid unified social credit code`);
  }
  if (p.personId !== undefined && !parsePersonId(p.personId).ok) {
    return refuse('INVALID_PERSON_ID', `${field}.personId is not a valid resident id`);
  }
  return ok(p);
}

export function checkPenalty(p: Penalty, i: number): DomainError | undefined {
  const at = `penalties[${i}]`;
  const bad = (m: string): DomainError => ({ code: 'INVALID_COMMAND', message: `${at}: ${m}` });
  const fen = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n > 0 && n <= MAX_AMOUNT_FEN;
  const upTo = (n: unknown, max: number) => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= max;
  switch (p?.kind) {
    case 'warning':
    case 'public-criticism':
      return undefined;
    case 'fine':
    case 'confiscation-of-illegal-income':
      return fen(p.amountFen) ? undefined : bad(`amountFen must be a positive integer (fen) not above ${MAX_AMOUNT_FEN}`);
    case 'confiscation-of-property':
    case 'production-suspension':
      return isNonEmpty(p.description) ? undefined : bad('description is required');
    case 'licence-suspension':
      if (!checkLicence(p.licence)) return bad('licence needs a type and a number');
      return upTo(p.months, MAX_SUSPENSION_MONTHS) ? undefined : bad(`months must be an integer from 1 to ${MAX_SUSPENSION_MONTHS}`);
    case 'licence-revocation':
      return checkLicence(p.licence) ? undefined : bad('licence needs a type and a number');
    case 'employment-restriction':
      return upTo(p.years, MAX_EMPLOYMENT_RESTRICTION_YEARS) ? undefined : bad(`years must be an integer from 1 to ${MAX_EMPLOYMENT_RESTRICTION_YEARS}`);
    default:
      return bad(`unknown penalty kind ${JSON.stringify((p as { kind?: unknown })?.kind)}`);
  }
}

const checkLicence = (l: Licence | undefined): boolean => !!l && LICENCE_TYPES.includes(l.type) && isNonEmpty(l.number);

export const isIsoDay = isIsoDate;
