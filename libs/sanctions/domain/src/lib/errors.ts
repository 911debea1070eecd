import { fail } from './result';

/** A legal provision a decision rests on, so a refusal or a sanction can name it. */
export interface RuleRef {
  id: string;
  /** The instrument, e.g. 《中华人民共和国食品安全法》. */
  source: string;
  article?: string;
  /** True where the article number could not be confirmed against the current text. */
  articleUnconfirmed?: boolean;
  /** The rule; quoted where `paraphrase` is not set. */
  text: string;
  /** The text is a summary, not the statute's words. */
  paraphrase?: boolean;
}

const FOOD_SAFETY_LAW = '《中华人民共和国食品安全法》';
const PENALTY_LAW = '《中华人民共和国行政处罚法》';
const SERIOUS_LIST_MEASURES = '《市场监督管理严重违法失信名单管理办法》';
const ABNORMALITY_MEASURES = '《企业经营异常名录管理暂行办法》';
const CREDIT_REPAIR_MEASURES = '《市场监督管理信用修复管理办法》';
const JOINT_MEASURES = '《长三角地区市场监管联动执法实施办法》';

export const RULES = {
  FOOD_BAN_LICENCE_REVOKED: {
    id: 'FOOD_BAN_LICENCE_REVOKED',
    source: FOOD_SAFETY_LAW,
    article: '第一百三十五条第一款',
    text: '被吊销许可证的食品生产经营者及其法定代表人、直接负责的主管人员和其他直接责任人员自处罚决定作出之日起五年内不得申请食品生产经营许可，或者从事食品生产经营管理工作、担任食品生产经营企业食品安全管理人员',
  },
  FOOD_BAN_CRIME: {
    id: 'FOOD_BAN_CRIME',
    source: FOOD_SAFETY_LAW,
    article: '第一百三十五条第二款',
    text: '因食品安全犯罪被判处有期徒刑以上刑罚的，终身不得从事食品生产经营管理工作，也不得担任食品生产经营企业食品安全管理人员',
  },
  SERIOUS_VIOLATION_LIST: {
    id: 'SERIOUS_VIOLATION_LIST',
    source: SERIOUS_LIST_MEASURES,
    articleUnconfirmed: true,
    paraphrase: true,
    text: '市场监督管理部门依法将实施严重违法失信行为的当事人列入严重违法失信名单，列入期限一般为三年，期满移出',
  },
  OPERATING_ABNORMALITY: {
    id: 'OPERATING_ABNORMALITY',
    source: ABNORMALITY_MEASURES,
    articleUnconfirmed: true,
    paraphrase: true,
    text: '企业未按规定公示年度报告、通过登记的住所无法联系等情形的，列入经营异常名录；改正后申请移出',
  },
  CREDIT_REPAIR: {
    id: 'CREDIT_REPAIR',
    source: CREDIT_REPAIR_MEASURES,
    articleUnconfirmed: true,
    paraphrase: true,
    text: '当事人纠正失信行为、消除不良影响的，可以申请信用修复；修复适用于经营异常名录、严重违法失信名单和行政处罚信息公示，不适用于法律规定的从业禁止',
  },
  FIRST_VIOLATION: {
    id: 'FIRST_VIOLATION',
    source: PENALTY_LAW,
    article: '第三十三条第一款',
    text: '初次违法且危害后果轻微并及时改正的，可以不予行政处罚',
  },
  MUTUAL_RECOGNITION: {
    id: 'MUTUAL_RECOGNITION',
    source: JOINT_MEASURES,
    paraphrase: true,
    text: '执法互认：一地作出的行政处罚决定，其他地区予以互认',
  },
} as const satisfies Record<string, RuleRef>;

/**
 * Every refusal, with its kind, so an adapter maps it without a table of its own:
 * invalid → 400, not-found → 404, forbidden → 403, conflict → 409, rule → 409 (naming the rule).
 */
export const DOMAIN_ERROR_KINDS = {
  INVALID_COMMAND: 'invalid',
  INVALID_CREDIT_CODE: 'invalid',
  INVALID_PERSON_ID: 'invalid',
  UNKNOWN_BUREAU: 'invalid',
  NOT_FOUND: 'not-found',
  ALREADY_EXISTS: 'conflict',
  ACTOR_NOT_PERMITTED: 'forbidden',
  // penalty decisions
  DECISION_REVOKED: 'conflict',
  NOTHING_CORRECTED: 'rule',
  NO_SIGNING_KEY: 'rule',
  // signatures
  BAD_SIGNATURE: 'invalid',
  UNKNOWN_KEY: 'invalid',
  KEY_NOT_FOR_BUREAU: 'invalid',
  KEY_NOT_VALID: 'invalid',
  // recognition
  ALREADY_CONSIDERED: 'conflict',
  OWN_REGION: 'rule',
  NOT_QUEUED: 'conflict',
  REASON_REQUIRED: 'rule',
  // sanctions
  SANCTION_LIFTED: 'conflict',
  NOT_REPAIRABLE: 'rule',
  NOT_A_QUALIFYING_SENTENCE: 'rule',
  NOT_A_FOOD_SAFETY_CRIME: 'rule',
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_KINDS;
export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[DomainErrorCode];

export interface DomainError {
  code: DomainErrorCode;
  message: string;
  rule?: RuleRef;
}

export const domainErrorKind = (code: DomainErrorCode): DomainErrorKind => DOMAIN_ERROR_KINDS[code];

export const refuse = (code: DomainErrorCode, message: string, rule?: RuleRef): { ok: false; error: DomainError } =>
  fail(rule ? { code, message, rule } : { code, message });
