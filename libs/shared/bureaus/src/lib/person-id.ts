/**
 * Resident identity card number (公民身份号码, GB 11643-1999), 18 characters:
 *   1–6   division code of the place of household registration
 *   7–14  date of birth YYYYMMDD
 *   15–17 sequence (odd for men, even for women)
 *   18    check character, ISO 7064 MOD 11-2 (0–9 or X)
 */
import { chinaDateOf, type IsoDate } from '@yrd/calendar';

/** 2^(17−i) mod 11 for positions 1–17. */
export const PERSON_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export type PersonIdError = 'FORMAT' | 'DIVISION_CODE' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

/**
 * First two digits of the division codes (GB/T 2260) of the provinces, autonomous regions,
 * municipalities (11–65), Taiwan (71) and Hong Kong / Macao (81, 82): a resident id registered
 * anywhere starts with one of them (000000 and 990101 are typing errors, not places).
 */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export interface PersonIdOptions {
  /** Today in China (default: now): nobody is born after it. Injectable for tests. */
  today?: IsoDate;
}

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

export function parsePersonId(input: string, options: PersonIdOptions = {}): PersonIdParse {
  const id = typeof input === 'string' ? input.trim().toUpperCase() : '';
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, error: 'FORMAT', reason: 'a resident id has 17 digits and a check character (0–9 or X)' };
  }
  if (!PROVINCE_PREFIXES.has(id.slice(0, 2))) {
    return { ok: false, error: 'DIVISION_CODE', reason: `positions 1–6 (${id.slice(0, 6)}) are not a division code of a place of registration` };
  }
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1800 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return { ok: false, error: 'BIRTH_DATE', reason: `positions 7–14 (${id.slice(6, 14)}) are not a date of birth` };
  }
  const today = options.today ?? chinaDateOf(new Date());
  if (birthDate > today) {
    return { ok: false, error: 'BIRTH_DATE', reason: `positions 7–14 (${id.slice(6, 14)}) are a date of birth in the future` };
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
    birthDate,
    sequence,
    sex: Number(sequence) % 2 === 1 ? 'male' : 'female',
  };
}

export const isValidPersonId = (input: string, options?: PersonIdOptions): boolean => parsePersonId(input, options).ok;
