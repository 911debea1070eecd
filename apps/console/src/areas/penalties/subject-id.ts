import { parseCreditCode, parsePersonId } from '@yrd/bureaus';

export type SubjectKind = 'creditCode' | 'personId';

/** Problem with a subject id as typed (check character included), or null when valid; '' is "required". */
export function subjectIdProblem(kind: SubjectKind, value: string): string | null {
  if (!value.trim()) return 'required';
  const parsed = kind === 'creditCode' ? parseCreditCode(value) : parsePersonId(value);
  return parsed.ok ? null : parsed.reason;
}
