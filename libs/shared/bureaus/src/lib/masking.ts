/**
 * Data minimisation for natural persons: names keep the surname (张三 → 张某), id numbers keep
 * the issuing division and the last four characters (330421********123X), as government
 * publication of penalty information does (《市场监督管理行政处罚信息公示规定》 leaves natural
 * persons' personal data out of what is published). Used by the public copy of a bulletin and by
 * penalty decisions read outside the issuing bureau. Companies' names stay.
 */
export interface NaturalPerson {
  name: string;
  idNumber?: string;
}

export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  // Chinese names: surname + 某; two-character compound surnames are not guessed (one 某 either way).
  return /^[\u4e00-\u9fff]+$/.test(name.trim()) ? `${chars[0]}某` : `${chars[0]}.`;
}

export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** Resident id numbers anywhere in a text (18 characters, the last a digit or X). */
const RESIDENT_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/** Masks the given persons' names and ids, and any resident id number, in a text. */
export function maskText(text: string, persons: readonly NaturalPerson[]): string {
  let out = text;
  // Longer names first, so 张三丰 is not half-masked by 张三.
  for (const p of [...persons].sort((a, b) => b.name.length - a.name.length)) {
    if (p.name.trim()) out = out.split(p.name.trim()).join(maskPersonName(p.name));
    if (p.idNumber?.trim()) out = out.split(p.idNumber.trim()).join(maskIdNumber(p.idNumber));
  }
  return out.replace(RESIDENT_ID, (m) => maskIdNumber(m));
}
