/**
 * Resident identity card number (公民身份号码, GB 11643-1999), 18 characters:
 *   1–6   division code of the place of household registration
 *   7–14  date of birth YYYYMMDD
 *   15–17 sequence (odd for men, even for women)
 *   18    check character, ISO 7064 MOD 11-2 (0–9 or X)
 */
/** 2^(17−i) mod 11 for positions 1–17. */
export const PERSON_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export type PersonIdError = 'FORMAT' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

export type PersonIdParse =
  | {
      ok: true;
      id: string;
      divisionCode: string;
      /** 'YYYY-MM-DD' */
      birthDate: string;
      sequence: string;
      sex: 'male' | 'female';
    }
  | { ok: false; error: PersonIdError; reason: string };

/** ISO 7064 MOD 11-2 check character for the first 17 digits. Throws on malformed input. */
export function personIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need the first 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (PERSON_ID_WEIGHTS[i] ?? 0);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

export function parsePersonId(input: string): PersonIdParse {
  const id = typeof input === 'string' ? input.trim().toUpperCase() : '';
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, error: 'FORMAT', reason: 'a resident id has 17 digits and a check character (0–9 or X)' };
  }
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return { ok: false, error: 'BIRTH_DATE', reason: `positions 7–14 (${id.slice(6, 14)}) are not a date of birth` };
  }
  const expected = personIdCheckChar(id.slice(0, 17));
  if (id.charAt(17) !== expected) {
    return {
      ok: false,
      error: 'CHECK_CHARACTER',
      reason: `check character is '${id.charAt(17)}', expected '${expected}'`,
    };
  }
  const sequence = id.slice(14, 17);
  return {
    ok: true,
    id,
    divisionCode: id.slice(0, 6),
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sequence,
    sex: Number(sequence) % 2 === 1 ? 'male' : 'female',
  };
}

export const isValidPersonId = (input: string): boolean => parsePersonId(input).ok;
