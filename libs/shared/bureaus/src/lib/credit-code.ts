/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters.
 *   1     registration department (登记管理部门; 9 = market regulation / 工商)
 *   2     entity category (机构类别)
 *   3–8   division code of the registering authority (GB/T 2260)
 *   9–17  organisation code (主体标识码)
 *   18    check character
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^i mod 31 for positions 1–17. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeError = 'LENGTH' | 'CHARSET' | 'DIVISION_CODE' | 'CHECK_CHARACTER';

export type CreditCodeParse =
  | {
      ok: true;
      /** The code as validated (trimmed, upper-case). */
      code: string;
      registrationDept: string;
      entityCategory: string;
      /** Six-digit division code of the registering authority. */
      divisionCode: string;
      orgCode: string;
      checkChar: string;
    }
  | { ok: false; error: CreditCodeError; reason: string };

const valueOf = (ch: string): number => CREDIT_CODE_CHARSET.indexOf(ch);

/**
 * The check character for the first 17 characters of a credit code:
 * 31 − (Σ value × weight mod 31), with 31 written as 0. Throws on malformed input.
 */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`need the first 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = valueOf(first17.charAt(i));
    if (v < 0)
      throw new RangeError(`character '${first17.charAt(i)}' at position ${i + 1} is not in the credit-code set`);
    sum += v * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET.charAt(check);
}

/** Completes 17 characters into a valid code (test fixtures, demo data). */
export function withCreditCodeCheckChar(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

export function parseCreditCode(input: string): CreditCodeParse {
  const code = typeof input === 'string' ? input.trim().toUpperCase() : '';
  if (code.length !== 18) {
    return { ok: false, error: 'LENGTH', reason: `a credit code has 18 characters, got ${code.length}` };
  }
  for (let i = 0; i < 18; i++) {
    if (valueOf(code.charAt(i)) < 0) {
      return {
        ok: false,
        error: 'CHARSET',
        reason: `character '${code.charAt(i)}' at position ${i + 1} is not allowed (no I, O, S, V, Z)`,
      };
    }
  }
  const divisionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode)) {
    return {
      ok: false,
      error: 'DIVISION_CODE',
      reason: `positions 3–8 must be a six-digit division code, got ${divisionCode}`,
    };
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code.charAt(17) !== expected) {
    return {
      ok: false,
      error: 'CHECK_CHARACTER',
      reason: `check character is '${code.charAt(17)}', expected '${expected}'`,
    };
  }
  return {
    ok: true,
    code,
    registrationDept: code.charAt(0),
    entityCategory: code.charAt(1),
    divisionCode,
    orgCode: code.slice(8, 17),
    checkChar: code.charAt(17),
  };
}

export const isValidCreditCode = (input: string): boolean => parseCreditCode(input).ok;
