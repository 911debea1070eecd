import type { Audience, BulletinContent, BulletinKind, BulletinView } from './bulletin-types';

/** What the bureau desk types into the bulletin form. */
export interface BulletinFormValues {
  kind: BulletinKind;
  title: string;
  body: string;
  category: string;
  industry: string;
  coIssuers: string[];
  audienceKind: 'delta' | 'regions' | 'public';
  regions: string[];
  /** Penalty decision ids, separated by commas (full-width ones too) or spaces. */
  relatedDecisions: string;
  persons: Array<{ name: string; idNumber: string }>;
}

export const emptyBulletinForm: BulletinFormValues = {
  kind: 'problem',
  title: '',
  body: '',
  category: '',
  industry: '',
  coIssuers: [],
  audienceKind: 'delta',
  regions: [],
  relatedDecisions: '',
  persons: [],
};

type Field = Exclude<keyof BulletinFormValues, 'persons'>;

/** i18n keys (bulletins namespace) of the problems, per field and per person row; empty when the form can be sent. */
export interface BulletinFormErrors {
  fields: Partial<Record<Field, string>>;
  persons: Array<{ name?: string; idNumber?: string }>;
}

const DECISION_ID = /^[A-Za-z0-9_.:]{1,100}$/;
const PERSON_ID = /^[0-9A-Za-z]{6,30}$/;

export const decisionIdsOf = (text: string): string[] => text.split(/[,，;；\s]+/).filter(Boolean);

/** Rows the user left entirely blank are not sent. */
const filledPersons = (v: BulletinFormValues) => v.persons.filter((p) => p.name.trim() || p.idNumber.trim());

/** The checks the server makes (it checks again: DTO, content rules, audience rules). */
export function validateBulletinForm(v: BulletinFormValues): BulletinFormErrors {
  const fields: BulletinFormErrors['fields'] = {};
  if (!v.title.trim()) fields.title = 'form.errors.required';
  else if (v.title.trim().length > 300) fields.title = 'form.errors.titleLength';
  if (!v.body.trim()) fields.body = 'form.errors.required';
  else if (v.body.trim().length > 20000) fields.body = 'form.errors.bodyLength';
  if (!v.category.trim()) fields.category = 'form.errors.required';
  if (!v.industry.trim()) fields.industry = 'form.errors.required';
  const decisions = decisionIdsOf(v.relatedDecisions);
  if (decisions.some((d) => !DECISION_ID.test(d))) fields.relatedDecisions = 'form.errors.decisionFormat';
  else if (v.kind === 'typical-case' && decisions.length === 0) fields.relatedDecisions = 'form.errors.decisionRequired';
  if (v.audienceKind === 'regions' && v.regions.length === 0) fields.regions = 'form.errors.regionRequired';
  const persons = v.persons.map((p) => {
    if (!p.name.trim() && !p.idNumber.trim()) return {};
    return {
      ...(p.name.trim() ? {} : { name: 'form.errors.required' }),
      ...(p.idNumber.trim() && !PERSON_ID.test(p.idNumber.trim()) ? { idNumber: 'form.errors.idNumberFormat' } : {}),
    };
  });
  return { fields, persons };
}

export const hasErrors = (e: BulletinFormErrors): boolean => Object.keys(e.fields).length > 0 || e.persons.some((p) => Object.keys(p).length > 0);

/** The content as the form describes it, with the attachments and audience given (the form edits neither). */
function contentOf(v: BulletinFormValues, attachments: BulletinContent['attachments'], audience: Audience): BulletinContent {
  return {
    kind: v.kind,
    title: v.title.trim(),
    body: v.body.trim(),
    category: v.category.trim(),
    industry: v.industry.trim(),
    relatedDecisions: decisionIdsOf(v.relatedDecisions),
    attachments,
    audience,
    persons: filledPersons(v).map((p) => ({ name: p.name.trim(), ...(p.idNumber.trim() ? { idNumber: p.idNumber.trim() } : {}) })),
  };
}

/** The API's body for POST /bulletins. */
export function toProposeBody(v: BulletinFormValues): { coIssuers: string[]; content: BulletinContent } {
  const audience: Audience = v.audienceKind === 'regions' ? { kind: 'regions', regions: [...v.regions] } : { kind: v.audienceKind };
  return { coIssuers: [...v.coIssuers], content: contentOf(v, [], audience) };
}

/** The form filled with a bulletin's current content and co-issuers: what a correction starts from. */
export function formOf(b: Pick<BulletinView, 'content' | 'coIssuers'>): BulletinFormValues {
  const c = b.content;
  return {
    kind: c.kind,
    title: c.title,
    body: c.body,
    category: c.category,
    industry: c.industry,
    coIssuers: [...b.coIssuers],
    audienceKind: c.audience.kind,
    regions: c.audience.kind === 'regions' ? [...c.audience.regions] : [],
    relatedDecisions: c.relatedDecisions.join(', '),
    persons: c.persons.map((p) => ({ name: p.name, idNumber: p.idNumber ?? '' })),
  };
}

/** i18n key of the problem with a correction's reason (the server requires one, at most 2000 characters). */
export function validateReason(reason: string): string | undefined {
  if (!reason.trim()) return 'form.errors.required';
  if (reason.trim().length > 2000) return 'correct.errors.reasonLength';
  return undefined;
}

/**
 * The API's body for POST /bulletins/:id/corrections: the whole corrected content. The audience is
 * the original's as it was sent (the server compares it exactly) and the attachments are kept.
 */
export function toCorrectionBody(v: BulletinFormValues, original: BulletinContent, reason: string): { content: BulletinContent; reason: string } {
  const a = original.audience;
  const audience: Audience = a.kind === 'regions' ? { kind: 'regions', regions: [...a.regions] } : { kind: a.kind };
  const attachments = original.attachments.map(({ evidenceId, name, sha256 }) => ({ evidenceId, name, sha256 }));
  return { content: contentOf(v, attachments, audience), reason: reason.trim() };
}
