import type { AudienceRule, RoutingRule } from './routing-rule';

/**
 * Who hears of what, as data. To route a new event type, add a rule here (a test fails for any
 * intake, referral or sanctions event without one); to silence one, give it `notify: []`.
 * Templates: `{{path}}`, `{{path?}}` (optional), filters `bureau`, `join`, `date`.
 */
const all = ['webhook', 'email', 'inbox'] as const;
const target = (channels: AudienceRule['channels'] = all): AudienceRule => ({ who: { to: 'target-bureaus' }, channels });
const origin = (channels: AudienceRule['channels'] = all): AudienceRule => ({ who: { to: 'originating-bureau' }, channels });
const officer = (channels: AudienceRule['channels'] = ['inbox', 'email']): AudienceRule => ({ who: { to: 'originating-officer' }, channels });
const at = (path: string, channels: AudienceRule['channels'] = all): AudienceRule => ({ who: { to: 'bureau-at', path }, channels });
const supervisorsOfTarget = (channels: AudienceRule['channels'] = ['inbox', 'email']): AudienceRule => ({ who: { to: 'supervisors', of: 'target-bureaus' }, channels });
const everyRegion = (channels: AudienceRule['channels'] = all): AudienceRule => ({ who: { to: 'every-region' }, channels });

const t = (zhSubject: string, zhBody: string, enSubject: string, enBody: string): RoutingRule['templates'] => ({
  zh: { subject: zhSubject, body: zhBody },
  en: { subject: enSubject, body: enBody },
});

const clueRules: RoutingRule[] = [
  {
    event: 'clue.submitted',
    summary: 'Records the discovering bureau and officer; nobody else needs telling yet.',
    case: { originatingBureau: 'payload.discoveringBureau', originatingOfficer: 'actor' },
    notify: [],
  },
  {
    event: 'clue.routed',
    notify: [officer(['inbox'])],
    notifyActor: true,
    templates: t(
      '线索 {{payload.clueId}} 将移送至{{payload.target | bureau}}',
      '您提交的线索 {{payload.clueId}} 不属本局管辖，将移送{{payload.target | bureau}}处理。',
      'Clue {{payload.clueId}} is being referred to {{payload.target | bureau}}',
      'Your clue {{payload.clueId}} is outside your jurisdiction and is being referred to {{payload.target | bureau}}.',
    ),
  },
  {
    event: 'clue.kept-locally',
    notify: [officer()],
    notifyActor: true,
    templates: t(
      '线索 {{payload.clueId}} 由本局核查，期限 {{payload.checkDeadline.dueDate}}',
      '线索 {{payload.clueId}} 属本局管辖，请于 {{payload.checkDeadline.dueDate}} 前完成核查并决定是否立案。',
      'Clue {{payload.clueId}}: check due {{payload.checkDeadline.dueDate}}',
      'Clue {{payload.clueId}} is within your jurisdiction; check it and decide whether to open a case by {{payload.checkDeadline.dueDate}}.',
    ),
  },
  {
    event: 'clue.check-extended',
    notify: [officer()],
    notifyActor: true,
    templates: t(
      '线索 {{payload.clueId}} 核查期限延长至 {{payload.checkDeadline.dueDate}}',
      '经 {{payload.approvedBy}} 批准，线索 {{payload.clueId}} 核查期限由 {{payload.previousDueDate}} 延长至 {{payload.checkDeadline.dueDate}}。理由：{{payload.reason}}',
      'Clue {{payload.clueId}}: check extended to {{payload.checkDeadline.dueDate}}',
      'Approved by {{payload.approvedBy}}, the check of clue {{payload.clueId}} is extended from {{payload.previousDueDate}} to {{payload.checkDeadline.dueDate}}. Reason: {{payload.reason}}',
    ),
  },
  {
    event: 'clue.case-opened',
    notify: [officer(['inbox'])],
    notifyActor: true,
    templates: t(
      '线索 {{payload.clueId}} 已立案（{{payload.caseNumber}}）',
      '线索 {{payload.clueId}} 已于 {{payload.openedOn}} 立案，案号 {{payload.caseNumber}}。',
      'Clue {{payload.clueId}}: case {{payload.caseNumber}} opened',
      'A case was opened on clue {{payload.clueId}} on {{payload.openedOn}}: {{payload.caseNumber}}.',
    ),
  },
  {
    event: 'clue.case-declined',
    notify: [officer(['inbox'])],
    notifyActor: true,
    templates: t(
      '线索 {{payload.clueId}} 不予立案',
      '线索 {{payload.clueId}} 经 {{payload.approvedBy}} 决定不予立案。理由：{{payload.reason}}',
      'Clue {{payload.clueId}}: no case opened',
      'It was decided, approved by {{payload.approvedBy}}, not to open a case on clue {{payload.clueId}}. Reason: {{payload.reason}}',
    ),
  },
  { event: 'clue.evidence-attached', summary: 'The officer uploaded it for the clue; the clue shows it.', notify: [] },
  {
    event: 'clue.deadline-recomputed',
    notify: [officer()],
    notifyActor: true,
    templates: t(
      '线索 {{payload.clueId}} 核查期限调整为 {{payload.checkDeadline.dueDate}}',
      '因节假日安排更新，线索 {{payload.clueId}} 的核查期限由 {{payload.previous.dueDate}} 调整为 {{payload.checkDeadline.dueDate}}。',
      'Clue {{payload.clueId}}: check deadline now {{payload.checkDeadline.dueDate}}',
      "After the holiday notice was loaded, clue {{payload.clueId}}'s check deadline moved from {{payload.previous.dueDate}} to {{payload.checkDeadline.dueDate}}.",
    ),
  },
];

const referralRules: RoutingRule[] = [
  {
    event: 'referral.created',
    case: { originatingBureau: 'payload.fromBureau', originatingOfficer: 'actor', targetBureaus: 'payload.toBureau', inheritFrom: { streamPrefix: 'clue-', idPath: 'payload.clueId' } },
    notify: [target(), origin(['inbox'])],
    templates: t(
      '【案件移送】{{payload.fromBureau | bureau}}移送线索 {{payload.referralId}}',
      '{{payload.fromBureau | bureau}}向{{payload.toBureau | bureau}}移送案件线索 {{payload.referralId}}：{{payload.subject.name}}，涉嫌{{payload.allegedViolation}}。请登录平台接收并在期限内核查。',
      '[Referral] {{payload.fromBureau | bureau}} referred {{payload.referralId}}',
      '{{payload.fromBureau | bureau}} referred case clue {{payload.referralId}} to {{payload.toBureau | bureau}}: {{payload.subject.name}}, alleged {{payload.allegedViolation}}. Please receive it and check it within the deadline.',
    ),
  },
  {
    event: 'referral.delivered',
    notify: [origin(['inbox']), officer(['inbox'])],
    templates: t(
      '移送 {{payload.referralId}} 已送达{{payload.toBureau | bureau}}',
      '移送 {{payload.referralId}} 已于 {{payload.receivedOn}} 送达{{payload.toBureau | bureau}}，核查期限 {{payload.checkDeadline.dueDate}}。',
      'Referral {{payload.referralId}} delivered to {{payload.toBureau | bureau}}',
      'Referral {{payload.referralId}} reached {{payload.toBureau | bureau}} on {{payload.receivedOn}}; check due {{payload.checkDeadline.dueDate}}.',
    ),
  },
  {
    event: 'referral.accepted',
    notify: [origin(['webhook', 'inbox']), officer()],
    templates: t(
      '移送 {{payload.referralId}} 已被{{payload.bureau | bureau}}接收',
      '{{payload.bureau | bureau}}已于 {{payload.acceptedAt | date}} 接收移送 {{payload.referralId}}。',
      'Referral {{payload.referralId}} accepted by {{payload.bureau | bureau}}',
      '{{payload.bureau | bureau}} accepted referral {{payload.referralId}} on {{payload.acceptedAt | date}}.',
    ),
  },
  {
    event: 'referral.rejected',
    notify: [origin(), officer()],
    templates: t(
      '移送 {{payload.referralId}} 被{{payload.bureau | bureau}}退回',
      '{{payload.bureau | bureau}}退回移送 {{payload.referralId}}。理由：{{payload.reason}}',
      'Referral {{payload.referralId}} rejected by {{payload.bureau | bureau}}',
      '{{payload.bureau | bureau}} rejected referral {{payload.referralId}}. Reason: {{payload.reason}}',
    ),
  },
  {
    event: 'referral.disputed',
    notify: [at('payload.designatingAuthority'), origin(['webhook', 'inbox']), supervisorsOfTarget(['inbox'])],
    templates: t(
      '【管辖争议】移送 {{payload.referralId}} 请求指定管辖',
      '{{payload.bureau | bureau}}对移送 {{payload.referralId}} 的管辖有异议，请{{payload.designatingAuthority | bureau}}指定管辖。理由：{{payload.reason}}',
      '[Jurisdiction dispute] referral {{payload.referralId}}',
      '{{payload.bureau | bureau}} disputes jurisdiction over referral {{payload.referralId}} and asks {{payload.designatingAuthority | bureau}} to designate it. Reason: {{payload.reason}}',
    ),
  },
  {
    event: 'referral.designated',
    case: { targetBureaus: 'payload.designatedBureau' },
    notify: [target(), at('payload.previousBureau', ['webhook', 'inbox']), origin(['webhook', 'inbox'])],
    templates: t(
      '【指定管辖】移送 {{payload.referralId}} 由{{payload.designatedBureau | bureau}}管辖',
      '{{payload.designatedBy | bureau}}指定{{payload.designatedBureau | bureau}}管辖移送 {{payload.referralId}}（原受移送部门：{{payload.previousBureau | bureau}}）。{{payload.reason?}}',
      '[Designated] {{payload.designatedBureau | bureau}} has jurisdiction over {{payload.referralId}}',
      '{{payload.designatedBy | bureau}} designated {{payload.designatedBureau | bureau}} for referral {{payload.referralId}} (previously {{payload.previousBureau | bureau}}). {{payload.reason?}}',
    ),
  },
  {
    event: 'referral.feedback-submitted',
    notify: [origin(), officer()],
    templates: t(
      '移送 {{payload.referralId}} 处理结果反馈',
      '{{payload.bureau | bureau}}反馈移送 {{payload.referralId}} 的处理结果（{{payload.outcome}}）：{{payload.handlingResult}}',
      'Referral {{payload.referralId}}: handling result',
      '{{payload.bureau | bureau}} reported the handling result of referral {{payload.referralId}} ({{payload.outcome}}): {{payload.handlingResult}}',
    ),
  },
  {
    event: 'referral.closed',
    notify: [target(['webhook', 'inbox']), origin(['webhook', 'inbox'])],
    templates: t(
      '移送 {{payload.referralId}} 已办结',
      '移送 {{payload.referralId}} 已于 {{payload.closedAt | date}} 办结（{{payload.outcome}}）。',
      'Referral {{payload.referralId}} closed',
      'Referral {{payload.referralId}} was closed on {{payload.closedAt | date}} ({{payload.outcome}}).',
    ),
  },
  {
    event: 'referral.evidence-attached',
    notify: [target(['inbox'])],
    templates: t(
      '移送 {{payload.referralId}} 补充了证据',
      '移送方为移送 {{payload.referralId}} 补充了一份已存证的证据（{{payload.evidenceId}}）。',
      'Referral {{payload.referralId}}: evidence added',
      'The referring bureau added notarized evidence ({{payload.evidenceId}}) to referral {{payload.referralId}}.',
    ),
  },
  {
    event: 'referral.deadline-recomputed',
    notify: [target(['webhook', 'inbox']), origin(['inbox'])],
    templates: t(
      '移送 {{payload.referralId}} 核查期限调整为 {{payload.checkDeadline.dueDate}}',
      '因节假日安排更新，移送 {{payload.referralId}} 的核查期限由 {{payload.previous.dueDate}} 调整为 {{payload.checkDeadline.dueDate}}。',
      'Referral {{payload.referralId}}: check deadline now {{payload.checkDeadline.dueDate}}',
      'After the holiday notice was loaded, the check deadline of referral {{payload.referralId}} moved from {{payload.previous.dueDate}} to {{payload.checkDeadline.dueDate}}.',
    ),
  },
  {
    event: 'referral.deadline-reminded',
    notify: [at('payload.bureau')],
    templates: t(
      '【期限提醒】移送 {{payload.referralId}} 将于 {{payload.dueDate}} 到期',
      '移送 {{payload.referralId}} 的核查期限为 {{payload.dueDate}}，尚未作出接收或退回决定，请及时处理。',
      '[Reminder] referral {{payload.referralId}} is due {{payload.dueDate}}',
      'The check of referral {{payload.referralId}} is due {{payload.dueDate}} and no decision has been made yet.',
    ),
  },
  {
    event: 'referral.overdue-escalated',
    notify: [origin(), supervisorsOfTarget(), at('payload.bureau', ['webhook', 'inbox'])],
    templates: t(
      '【逾期】移送 {{payload.referralId}} 超过核查期限',
      '{{payload.bureau | bureau}}未在 {{payload.dueDate}} 前对移送 {{payload.referralId}} 作出决定，已提请督办。',
      '[Overdue] referral {{payload.referralId}}',
      '{{payload.bureau | bureau}} made no decision on referral {{payload.referralId}} by {{payload.dueDate}}; escalated to supervisors.',
    ),
  },
];

const assistanceRules: RoutingRule[] = [
  {
    event: 'assistance.requested',
    case: { originatingBureau: 'payload.requestingBureau', originatingOfficer: 'actor', targetBureaus: 'payload.requestedBureau' },
    notify: [target()],
    templates: t(
      '【协查请求】{{payload.requestingBureau | bureau}}请求协助调查 {{payload.assistanceId}}',
      '{{payload.requestingBureau | bureau}}请求{{payload.requestedBureau | bureau}}协助调查（{{payload.assistanceId}}），请于 {{payload.deadline.dueDate}} 前答复。',
      '[Assistance request] {{payload.assistanceId}} from {{payload.requestingBureau | bureau}}',
      '{{payload.requestingBureau | bureau}} asks {{payload.requestedBureau | bureau}} for assistance ({{payload.assistanceId}}); please answer by {{payload.deadline.dueDate}}.',
    ),
  },
  {
    event: 'assistance.answered',
    notify: [origin(), officer()],
    templates: t(
      '协查 {{payload.assistanceId}} 已答复',
      '{{payload.bureau | bureau}}已答复协查请求 {{payload.assistanceId}}。',
      'Assistance {{payload.assistanceId}} answered',
      '{{payload.bureau | bureau}} answered assistance request {{payload.assistanceId}}.',
    ),
  },
  {
    event: 'assistance.extension-noticed',
    notify: [origin(), officer(['inbox'])],
    templates: t(
      '协查 {{payload.assistanceId}} 申请延期至 {{payload.deadline.dueDate}}',
      '{{payload.bureau | bureau}}告知协查 {{payload.assistanceId}} 需延期至 {{payload.deadline.dueDate}}（原期限 {{payload.previousDueDate}}）。理由：{{payload.reason}}',
      'Assistance {{payload.assistanceId}} needs until {{payload.deadline.dueDate}}',
      '{{payload.bureau | bureau}} needs until {{payload.deadline.dueDate}} (was {{payload.previousDueDate}}) for assistance request {{payload.assistanceId}}. Reason: {{payload.reason}}',
    ),
  },
  {
    event: 'assistance.overdue-marked',
    notify: [target(['webhook', 'inbox']), origin(['inbox']), supervisorsOfTarget()],
    templates: t(
      '【逾期】协查 {{payload.assistanceId}} 未按期答复',
      '协查请求 {{payload.assistanceId}} 已超过期限 {{payload.dueDate}} 仍未答复。',
      '[Overdue] assistance {{payload.assistanceId}}',
      'Assistance request {{payload.assistanceId}} was not answered by {{payload.dueDate}}.',
    ),
  },
  {
    event: 'assistance.deadline-reminded',
    notify: [at('payload.bureau')],
    templates: t(
      '【期限提醒】协查 {{payload.assistanceId}} 将于 {{payload.dueDate}} 到期',
      '协查请求 {{payload.assistanceId}} 须于 {{payload.dueDate}} 前答复。',
      '[Reminder] assistance {{payload.assistanceId}} is due {{payload.dueDate}}',
      'Assistance request {{payload.assistanceId}} must be answered by {{payload.dueDate}}.',
    ),
  },
  {
    event: 'assistance.deadline-recomputed',
    notify: [target(['webhook', 'inbox']), origin(['inbox'])],
    templates: t(
      '协查 {{payload.assistanceId}} 期限调整为 {{payload.deadline.dueDate}}',
      '因节假日安排更新，协查 {{payload.assistanceId}} 的期限由 {{payload.previous.dueDate}} 调整为 {{payload.deadline.dueDate}}。',
      'Assistance {{payload.assistanceId}}: deadline now {{payload.deadline.dueDate}}',
      'After the holiday notice was loaded, the deadline of assistance request {{payload.assistanceId}} moved from {{payload.previous.dueDate}} to {{payload.deadline.dueDate}}.',
    ),
  },
];

const jointActionRules: RoutingRule[] = [
  {
    event: 'joint-action.created',
    case: { originatingBureau: 'payload.leadBureau', originatingOfficer: 'actor', targetBureaus: 'payload.tasks[].bureau' },
    notify: [target()],
    templates: t(
      '【联合执法】{{payload.title}}',
      '{{payload.leadBureau | bureau}}发起联合执法行动“{{payload.title}}”（{{payload.startsOn}} 至 {{payload.endsOn}}），参与单位：{{case.targetBureaus | bureau | join}}。请查收本局任务。',
      '[Joint action] {{payload.title}}',
      '{{payload.leadBureau | bureau}} launched the joint enforcement action "{{payload.title}}" ({{payload.startsOn}} to {{payload.endsOn}}) with {{case.targetBureaus | bureau | join}}. Please see your task.',
    ),
  },
  {
    event: 'joint-action.task-started',
    notify: [origin(['inbox'])],
    templates: t(
      '联合执法任务 {{payload.taskId}} 已启动',
      '{{payload.bureau | bureau}}已启动联合执法任务 {{payload.taskId}}（行动 {{payload.campaignId}}）。',
      'Joint action task {{payload.taskId}} started',
      '{{payload.bureau | bureau}} started task {{payload.taskId}} of joint action {{payload.campaignId}}.',
    ),
  },
  {
    event: 'joint-action.task-completed',
    notify: [origin(), officer(['inbox'])],
    templates: t(
      '联合执法任务 {{payload.taskId}} 已完成',
      '{{payload.bureau | bureau}}完成联合执法任务 {{payload.taskId}}：{{payload.result.summary}}',
      'Joint action task {{payload.taskId}} completed',
      '{{payload.bureau | bureau}} completed task {{payload.taskId}}: {{payload.result.summary}}',
    ),
  },
  {
    event: 'joint-action.closed',
    notify: [target(['webhook', 'inbox'])],
    templates: t(
      '联合执法行动 {{payload.campaignId}} 已结束',
      '联合执法行动 {{payload.campaignId}} 已于 {{payload.closedAt | date}} 结束。{{payload.summary?}}',
      'Joint action {{payload.campaignId}} closed',
      'Joint action {{payload.campaignId}} was closed on {{payload.closedAt | date}}. {{payload.summary?}}',
    ),
  },
];

/**
 * Penalty decisions, recognition and sanctions concern every region (互认, 联合惩戒, 自动拦截).
 * Routine records (an evaluation, a refused signature) notify nobody; a sanctions-context type
 * without a rule of its own falls back to `@sanctions` (every region), so it is never lost.
 */
const sanctionsRules: RoutingRule[] = [
  {
    event: 'penalty-decision.recorded',
    notify: [everyRegion(['webhook', 'inbox'])],
    notifyActor: true,
    templates: t(
      '【处罚决定互认】{{payload.decision.issuingBureau | bureau}} {{payload.decision.decisionNumber}}',
      '{{payload.decision.issuingBureau | bureau}}作出行政处罚决定 {{payload.decision.decisionNumber}}（当事人：{{payload.decision.subject.name}}，{{payload.decision.decisionDate}}），已签名，请各地核验并互认。',
      '[Penalty decision for recognition] {{payload.decision.decisionNumber}}',
      '{{payload.decision.issuingBureau | bureau}} decided penalty {{payload.decision.decisionNumber}} against {{payload.decision.subject.name}} on {{payload.decision.decisionDate}} (signed); every region is to verify and recognise it.',
    ),
  },
  {
    event: 'penalty-decision.corrected',
    notify: [everyRegion(['webhook', 'inbox'])],
    notifyActor: true,
    templates: t(
      '【处罚决定更正】{{payload.decision.decisionNumber}}（第 {{payload.revision}} 版）',
      '{{payload.decision.issuingBureau | bureau}}更正行政处罚决定 {{payload.decision.decisionNumber}}。理由：{{payload.reason}}',
      '[Penalty decision corrected] {{payload.decision.decisionNumber}} (revision {{payload.revision}})',
      '{{payload.decision.issuingBureau | bureau}} corrected penalty decision {{payload.decision.decisionNumber}}. Reason: {{payload.reason}}',
    ),
  },
  {
    event: 'penalty-decision.revoked',
    notify: [everyRegion(['webhook', 'inbox'])],
    notifyActor: true,
    templates: t(
      '【处罚决定撤销】{{payload.decisionId}}',
      '{{payload.issuingBureau | bureau}}于 {{payload.revokedOn}} 撤销行政处罚决定 {{payload.decisionId}}，相关惩戒随之解除。理由：{{payload.reason}}',
      '[Penalty decision revoked] {{payload.decisionId}}',
      '{{payload.issuingBureau | bureau}} revoked penalty decision {{payload.decisionId}} on {{payload.revokedOn}}; the sanctions it carried are lifted. Reason: {{payload.reason}}',
    ),
  },
  { event: 'penalty-decision.refused', summary: 'An audit record of a bad signature; the audit service reports it.', notify: [] },
  {
    event: 'recognition.queued',
    notify: [at('payload.region', ['inbox'])],
    notifyActor: true,
    templates: t(
      '【待审核互认】{{payload.decision.decisionNumber}}',
      '{{payload.decision.issuingBureau | bureau}}的处罚决定 {{payload.decision.decisionNumber}}（当事人：{{payload.decision.subject.name}}）待本地审核互认。',
      '[Recognition to review] {{payload.decision.decisionNumber}}',
      'Penalty decision {{payload.decision.decisionNumber}} of {{payload.decision.issuingBureau | bureau}} ({{payload.decision.subject.name}}) awaits review for recognition here.',
    ),
  },
  {
    event: 'recognition.recognised',
    notify: [at('payload.decision.issuingBureau', ['webhook', 'inbox'])],
    notifyActor: true,
    templates: t(
      '{{payload.region | bureau}}已互认处罚决定 {{payload.decision.decisionNumber}}',
      '{{payload.region | bureau}}已互认{{payload.decision.issuingBureau | bureau}}的处罚决定 {{payload.decision.decisionNumber}}。',
      '{{payload.region | bureau}} recognised {{payload.decision.decisionNumber}}',
      '{{payload.region | bureau}} recognised penalty decision {{payload.decision.decisionNumber}} of {{payload.decision.issuingBureau | bureau}}.',
    ),
  },
  { event: 'recognition.declined', summary: 'Kept in the region’s record; the issuing bureau sees it in the recognition status.', notify: [] },
  {
    event: 'sanction.imposed',
    notify: [everyRegion()],
    notifyActor: true,
    templates: t(
      '【联合惩戒】{{payload.subject.name}} 列入 {{payload.kind}}',
      '{{payload.subject.name}}自 {{payload.start}} 起列入 {{payload.kind}}，依据：{{payload.basis.source}}，来源：{{payload.source.documentNumber}}。请各地许可系统自动拦截。',
      '[Joint sanction] {{payload.subject.name}}: {{payload.kind}}',
      '{{payload.subject.name}} is under {{payload.kind}} from {{payload.start}}; basis {{payload.basis.source}}, source {{payload.source.documentNumber}}. Licensing systems are to intercept.',
    ),
  },
  {
    event: 'sanction.lifted',
    notify: [everyRegion(['webhook', 'inbox'])],
    notifyActor: true,
    templates: t(
      '【惩戒解除】{{payload.subject.name}} {{payload.kind}}',
      '{{payload.subject.name}}的 {{payload.kind}} 已于 {{payload.liftedOn}} 解除（{{payload.how}}，{{payload.by | bureau}}）。',
      '[Sanction lifted] {{payload.subject.name}}: {{payload.kind}}',
      "{{payload.subject.name}}'s {{payload.kind}} was lifted on {{payload.liftedOn}} ({{payload.how}}, {{payload.by | bureau}}).",
    ),
  },
  { event: 'exemption.evaluated', summary: 'A routine evaluation of a case against the lists.', notify: [] },
  {
    event: 'exemption-list.published',
    notify: [everyRegion(['inbox'])],
    notifyActor: true,
    templates: t(
      '【清单发布】{{payload.title}}（第 {{payload.version}} 版）',
      '{{payload.title}}第 {{payload.version}} 版已发布，共 {{payload.itemCount}} 项，自 {{payload.effectiveFrom}} 起施行。',
      '[List published] {{payload.title}} (version {{payload.version}})',
      'Version {{payload.version}} of {{payload.title}} was published: {{payload.itemCount}} items, in force from {{payload.effectiveFrom}}.',
    ),
  },
  {
    event: 'discretion-standard.published',
    notify: [everyRegion(['inbox'])],
    notifyActor: true,
    templates: t(
      '【裁量基准发布】{{payload.title}}（第 {{payload.version}} 版）',
      '{{payload.title}}第 {{payload.version}} 版已发布，自 {{payload.effectiveFrom}} 起施行。',
      '[Discretion standard published] {{payload.title}} (version {{payload.version}})',
      'Version {{payload.version}} of {{payload.title}} was published, in force from {{payload.effectiveFrom}}.',
    ),
  },
  {
    event: 'discretion.departure-flagged',
    summary: "A fine outside the discretion standard's range, with a justification: the issuing bureau's legal review (法制审核) and its province's auditors.",
    notify: [at('payload.legalReviewer', ['inbox', 'email']), at('payload.auditors', ['inbox', 'email'])],
    notifyActor: true,
    templates: t(
      '【裁量偏离】{{payload.decisionNumber}} 罚款超出裁量基准幅度',
      '{{payload.issuingBureau | bureau}}作出的行政处罚决定 {{payload.decisionNumber}}（案件 {{payload.caseRef}}）罚款 {{payload.fineFen}} 分，超出裁量基准 {{payload.standardId?}} 第 {{payload.standardVersion?}} 版建议幅度（{{payload.band?}}，{{payload.departure}}）。理由：{{payload.justification}}。请法制审核并备案监督。',
      '[Discretion departure] {{payload.decisionNumber}}: fine outside the standard range',
      '{{payload.issuingBureau | bureau}} fixed a fine of {{payload.fineFen}} fen in decision {{payload.decisionNumber}} (case {{payload.caseRef}}), outside the range of standard {{payload.standardId?}} v{{payload.standardVersion?}} ({{payload.band?}}, {{payload.departure}}). Justification: {{payload.justification}}. For legal review and audit.',
    ),
  },
  {
    event: '@sanctions',
    notify: [everyRegion(['webhook', 'inbox'])],
    notifyActor: true,
    templates: t(
      '【互认与信用惩戒】{{event.type}}',
      '{{actor.bureau | bureau}}发布 {{event.type}}（{{event.streamId}}），请各地核对。',
      '[Recognition and sanctions] {{event.type}}',
      '{{actor.bureau | bureau}} published {{event.type}} ({{event.streamId}}); every region is to check it.',
    ),
  },
];

/** Joint bulletins: drafts to the co-issuers, refusals back, publication to every bureau of the audience. */
const bulletinRules: RoutingRule[] = [
  {
    event: 'bulletin.proposed',
    case: { originatingBureau: 'payload.issuer', targetBureaus: 'payload.coIssuers' },
    notify: [at('payload.coIssuers', ['webhook', 'inbox'])],
    templates: t(
      '【通报会签】{{payload.content.title}}',
      '{{payload.issuer | bureau}}拟联合发布通报《{{payload.content.title}}》，请贵局审核会签或说明理由不予会签。',
      '[Bulletin to co-sign] {{payload.content.title}}',
      '{{payload.issuer | bureau}} proposes the joint bulletin "{{payload.content.title}}"; please co-sign it or refuse with a reason.',
    ),
  },
  {
    event: 'bulletin.cosigned',
    notify: [origin(['inbox'])],
    templates: t(
      '【通报会签】{{payload.bureau | bureau}}已会签',
      '{{payload.bureau | bureau}}已会签通报 {{payload.bulletinId}}（第 {{payload.revision}} 版）。',
      '[Bulletin] co-signed by {{payload.bureau | bureau}}',
      '{{payload.bureau | bureau}} co-signed bulletin {{payload.bulletinId}} (revision {{payload.revision}}).',
    ),
  },
  {
    event: 'bulletin.refused',
    notify: [origin(['webhook', 'inbox']), target(['inbox'])],
    templates: t(
      '【通报未会签】{{payload.bureau | bureau}}不予会签',
      '{{payload.bureau | bureau}}不予会签通报 {{payload.bulletinId}}，该通报不予发布。理由：{{payload.reason}}',
      '[Bulletin refused] by {{payload.bureau | bureau}}',
      '{{payload.bureau | bureau}} refused to co-sign bulletin {{payload.bulletinId}}; it will not be published. Reason: {{payload.reason}}',
    ),
  },
  {
    event: 'bulletin.published',
    notify: [at('payload.audienceBureaus', ['webhook', 'inbox'])],
    notifyActor: true,
    templates: t(
      '【信息通报】{{payload.title}}',
      '通报《{{payload.title}}》已发布（发布：{{payload.issuer | bureau}}；会签：{{payload.coIssuers | bureau | join}}），请登录平台阅读并确认已阅。',
      '[Bulletin] {{payload.title}}',
      'The bulletin "{{payload.title}}" is published (issuer {{payload.issuer | bureau}}; co-signed by {{payload.coIssuers | bureau | join}}); please read it and acknowledge it.',
    ),
  },
  {
    event: 'bulletin.corrected',
    notify: [at('payload.audienceBureaus', ['webhook', 'inbox'])],
    notifyActor: true,
    templates: t(
      '【通报更正】{{payload.content.title}}（第 {{payload.revision}} 版）',
      '{{payload.issuer | bureau}}更正通报《{{payload.content.title}}》。理由：{{payload.reason}}',
      '[Bulletin corrected] {{payload.content.title}} (revision {{payload.revision}})',
      '{{payload.issuer | bureau}} corrected the bulletin "{{payload.content.title}}". Reason: {{payload.reason}}',
    ),
  },
  {
    event: 'bulletin.withdrawn',
    notify: [at('payload.audienceBureaus', ['webhook', 'inbox'])],
    notifyActor: true,
    templates: t(
      '【通报撤回】{{payload.title}}',
      '{{payload.issuer | bureau}}撤回通报《{{payload.title}}》，请勿再引用。理由：{{payload.reason}}',
      '[Bulletin withdrawn] {{payload.title}}',
      '{{payload.issuer | bureau}} withdrew the bulletin "{{payload.title}}"; do not rely on it any more. Reason: {{payload.reason}}',
    ),
  },
  { event: 'bulletin.acknowledged', summary: 'Acknowledgement tracking; the issuer lists unread bureaus through the API.', notify: [] },
  {
    event: 'bulletin.acknowledgement-overdue',
    notify: [at('payload.unread', ['inbox', 'email']), origin(['inbox'])],
    notifyActor: true,
    templates: t(
      '【通报待阅】{{payload.title}}',
      '通报《{{payload.title}}》的阅知期限（{{payload.due | date}}）已过，以下单位尚未确认已阅：{{payload.unread | bureau | join}}。请尽快阅读并确认。',
      '[Bulletin unread] {{payload.title}}',
      'The deadline ({{payload.due | date}}) for reading the bulletin "{{payload.title}}" has passed; not yet acknowledged by: {{payload.unread | bureau | join}}. Please read it and acknowledge it.',
    ),
  },
];

const auditRules: RoutingRule[] = [
  {
    event: 'audit.integrity-alert-raised',
    summary: 'A consumer refused an event for the integrity of the log (broken link, fork, missing or bad signature): the auditors, by inbox and email.',
    notify: [at('payload.auditors', ['inbox', 'email'])],
    templates: t(
      '【日志完整性告警】{{payload.reason}}：{{payload.streamId?}} 第 {{payload.streamVersion?}} 版',
      '{{payload.consumer}} 拒绝应用事件 {{payload.eventType?}}（{{payload.streamId?}} 第 {{payload.streamVersion?}} 版，事件 {{payload.eventId?}}，签名密钥 {{payload.keyId?}}），原因：{{payload.reason}}。详情：{{payload.detail}}。来源 {{payload.sourceTopic}} 分区 {{payload.sourcePartition}} 位移 {{payload.sourceOffset}}。请审计核查。',
      '[Log integrity alert] {{payload.reason}}: {{payload.streamId?}} v{{payload.streamVersion?}}',
      '{{payload.consumer}} refused to apply {{payload.eventType?}} ({{payload.streamId?}} v{{payload.streamVersion?}}, event {{payload.eventId?}}, key {{payload.keyId?}}): {{payload.reason}}. Detail: {{payload.detail}}. Read from {{payload.sourceTopic}} partition {{payload.sourcePartition}} offset {{payload.sourceOffset}}. For audit.',
    ),
  },
];

export const DEFAULT_ROUTING_RULES: readonly RoutingRule[] = [...clueRules, ...referralRules, ...assistanceRules, ...jointActionRules, ...sanctionsRules, ...bulletinRules, ...auditRules];
