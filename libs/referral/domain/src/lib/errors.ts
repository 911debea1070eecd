import { fail } from './result';

/** A legal provision a decision rests on, so a refusal can name it. */
export interface RuleRef {
  /** Stable id, e.g. 'NO_RETRANSFER'. */
  id: string;
  /** The instrument, e.g. 《市场监督管理行政处罚程序规定》. */
  source: string;
  /** Article, when known. */
  article?: string;
  /** True where the article number could not be confirmed against the current text. */
  articleUnconfirmed?: boolean;
  /** The rule in a few words, in the language of the text. */
  text: string;
}

const PROCEDURE = '《市场监督管理行政处罚程序规定》';
const PENALTY_LAW = '《中华人民共和国行政处罚法》';
const JOINT_MEASURES = '《长三角地区市场监管联动执法实施办法》';

export const RULES = {
  TRANSFER_TO_COMPETENT: {
    id: 'TRANSFER_TO_COMPETENT',
    source: PROCEDURE,
    article: '第十四条',
    text: '发现所查处的案件不属于本部门管辖的，应当将案件移送有管辖权的市场监督管理部门',
  },
  NO_RETRANSFER: {
    id: 'NO_RETRANSFER',
    source: PROCEDURE,
    article: '第十四条',
    articleUnconfirmed: true,
    text: '受移送的市场监督管理部门对管辖权有异议的，应当报请共同的上一级市场监督管理部门指定管辖，不得再自行移送',
  },
  DESIGNATION: {
    id: 'DESIGNATION',
    source: PENALTY_LAW,
    article: '第二十五条',
    text: '对管辖发生争议的，应当协商解决，协商不成的，报请共同的上一级行政机关指定管辖',
  },
  CLUE_CHECK_DEADLINE: {
    id: 'CLUE_CHECK_DEADLINE',
    source: PROCEDURE,
    article: '第十八条',
    text: '自发现线索或者收到材料之日起十五个工作日内予以核查，由负责人决定是否立案；特殊情况下，经负责人批准，可以延长十五个工作日',
  },
  ASSISTANCE_DEADLINE: {
    id: 'ASSISTANCE_DEADLINE',
    source: PROCEDURE,
    articleUnconfirmed: true,
    text: '协助调查应当在收到协助调查函之日起十五个工作日内完成；需要延期完成的，应当在期限届满前告知提出协查请求的部门',
  },
  DUTY_TO_ASSIST: {
    id: 'DUTY_TO_ASSIST',
    source: PENALTY_LAW,
    article: '第二十六条',
    text: '行政机关因实施行政处罚的需要，可以向有关机关提出协助请求。协助事项属于被请求机关职权范围内的，应当依法予以协助',
  },
  JOINT_ACTION: {
    id: 'JOINT_ACTION',
    source: JOINT_MEASURES,
    text: '执法联动：统一时间、统一力量、统一查处、统一裁量',
  },
} as const satisfies Record<string, RuleRef>;

/**
 * Every refusal the deciders can give, with its kind, so an adapter can map it without a table of
 * its own: 'invalid' → 400/422 (malformed command), 'rule' → 422 (a legal or business rule),
 * 'conflict' → 409 (not possible in the current state), 'forbidden' → 403 (not this actor's
 * decision), 'not-found' → 404.
 */
export const DOMAIN_ERROR_KINDS = {
  INVALID_COMMAND: 'invalid',
  INVALID_CREDIT_CODE: 'invalid',
  INVALID_PERSON_ID: 'invalid',
  UNKNOWN_BUREAU: 'invalid',
  NOT_FOUND: 'not-found',
  ALREADY_EXISTS: 'conflict',
  ACTOR_NOT_PERMITTED: 'forbidden',
  // jurisdiction
  NO_COMPETENT_BUREAU: 'rule',
  // clue
  CLUE_REFERRED: 'conflict',
  CLUE_ALREADY_DECIDED: 'conflict',
  APPROVAL_REQUIRED: 'rule',
  EXTENSION_ALREADY_USED: 'rule',
  EXTENSION_AFTER_DEADLINE: 'rule',
  // referral
  CANNOT_REFER_TO_SELF: 'rule',
  REFERRAL_NOT_DELIVERED: 'conflict',
  REFERRAL_ALREADY_DELIVERED: 'conflict',
  REFERRAL_ALREADY_ACCEPTED: 'conflict',
  REFERRAL_ALREADY_REJECTED: 'conflict',
  REFERRAL_DISPUTED: 'conflict',
  REFERRAL_NOT_DISPUTED: 'conflict',
  REFERRAL_NOT_ACCEPTED: 'conflict',
  REFERRAL_CLOSED: 'conflict',
  REFERRAL_NOT_CLOSABLE: 'conflict',
  FEEDBACK_ALREADY_SUBMITTED: 'conflict',
  REASON_REQUIRED: 'rule',
  RETRANSFER_FORBIDDEN: 'rule',
  NOT_DESIGNATING_AUTHORITY: 'forbidden',
  DESIGNATION_OUTSIDE_AUTHORITY: 'rule',
  JURISDICTION_ALREADY_DESIGNATED: 'rule',
  // assistance
  ASSISTANCE_ALREADY_ANSWERED: 'conflict',
  FINDINGS_INCOMPLETE: 'rule',
  EXTENSION_NOT_LATER: 'rule',
  DEADLINE_NOT_PASSED: 'conflict',
  ALREADY_MARKED_OVERDUE: 'conflict',
  // joint action
  TOO_FEW_BUREAUS: 'rule',
  DUPLICATE_TASK: 'invalid',
  TASK_NOT_FOUND: 'not-found',
  TASK_ALREADY_STARTED: 'conflict',
  TASK_NOT_STARTED: 'conflict',
  TASK_ALREADY_COMPLETED: 'conflict',
  CAMPAIGN_NOT_STARTED: 'rule',
  TASKS_OUTSTANDING: 'conflict',
  CAMPAIGN_CLOSED: 'conflict',
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
