import { BUREAUS, competentBureauFor, parseCreditCode, parsePersonId, type Bureau } from '@yrd/bureaus';

/** What the officer types into the clue form. */
export interface ClueFormValues {
  subjectName: string;
  idKind: 'creditCode' | 'personId';
  idNumber: string;
  allegedViolation: string;
  facts: string;
  placeDivision: string;
  placeAddress: string;
  urgency: 'normal' | 'urgent';
  /** Explicit target bureau (division code), or '' to let routing decide. */
  suggestedTarget: string;
}

export const emptyClueForm: ClueFormValues = {
  subjectName: '',
  idKind: 'creditCode',
  idNumber: '',
  allegedViolation: '',
  facts: '',
  placeDivision: '',
  placeAddress: '',
  urgency: 'normal',
  suggestedTarget: '',
};

/** i18n keys (officer namespace) of the problems with each field; empty when the form can be sent. */
export type ClueFormErrors = Partial<Record<keyof ClueFormValues, string>>;

/** The same checks the API makes (it checks again), so the officer sees them while typing. */
export function validateClueForm(v: ClueFormValues): ClueFormErrors {
  const e: ClueFormErrors = {};
  if (!v.subjectName.trim()) e.subjectName = 'errors.required';
  const id = v.idNumber.trim().toUpperCase();
  if (!id) e.idNumber = 'errors.required';
  else if (v.idKind === 'creditCode') {
    const parsed = parseCreditCode(id);
    if (!parsed.ok) e.idNumber = `errors.creditCode.${parsed.error}`;
  } else {
    const parsed = parsePersonId(id);
    if (!parsed.ok) e.idNumber = `errors.personId.${parsed.error}`;
  }
  if (!v.allegedViolation.trim()) e.allegedViolation = 'errors.required';
  if (!v.facts.trim()) e.facts = 'errors.required';
  if (!/^\d{6}$/.test(v.placeDivision)) e.placeDivision = 'errors.division';
  else if (!competentBureauFor(v.placeDivision)) e.placeDivision = 'errors.divisionOutside';
  if (!v.placeAddress.trim()) e.placeAddress = 'errors.required';
  return e;
}

/**
 * The bureau a clue about this subject would go to: the registering authority named by positions
 * 3–8 of the credit code (the API's routing basis), unless the officer names a target.
 */
export function suggestedBureau(v: Pick<ClueFormValues, 'idKind' | 'idNumber' | 'suggestedTarget'>): Bureau | undefined {
  if (v.suggestedTarget) return BUREAUS.find((b) => b.code === v.suggestedTarget);
  if (v.idKind !== 'creditCode') return undefined;
  const parsed = parseCreditCode(v.idNumber.trim().toUpperCase());
  return parsed.ok ? competentBureauFor(parsed.divisionCode) : undefined;
}

/** The API's body for POST /clues. */
export function toSubmitClueBody(v: ClueFormValues): Record<string, unknown> {
  return {
    subject: { name: v.subjectName.trim(), [v.idKind]: v.idNumber.trim().toUpperCase() },
    allegedViolation: v.allegedViolation.trim(),
    facts: v.facts.trim(),
    place: { divisionCode: v.placeDivision, address: v.placeAddress.trim() },
    urgency: v.urgency,
    ...(v.suggestedTarget ? { suggestedTarget: v.suggestedTarget } : {}),
  };
}
