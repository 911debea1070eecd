import {
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckChar,
  isValidCreditCode,
  parseCreditCode,
  withCreditCodeCheckChar,
} from './credit-code';
import { isValidPersonId, parsePersonId, personIdCheckChar } from './person-id';

describe('unified social credit code (GB 32100-2015)', () => {
  it('uses weights 3^i mod 31', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => 3 ** i % 31));
  });

  it('accepts the commonly cited sample 91350100M000100Y43 and takes it apart', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      code: '91350100M000100Y43',
      registrationDept: '9',
      entityCategory: '1',
      divisionCode: '350100',
      orgCode: 'M000100Y4',
      checkChar: '3',
    });
  });

  it('computes the check character, so fixtures can mint valid codes (Jiashan, Qingpu)', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    const jiashan = withCreditCodeCheckChar('91330421MA2B00001');
    expect(jiashan).toBe('91330421MA2B000015');
    expect(parseCreditCode(jiashan)).toMatchObject({ ok: true, divisionCode: '330421' });
    expect(parseCreditCode(withCreditCodeCheckChar('91310118MA1J00001'))).toMatchObject({
      ok: true,
      divisionCode: '310118',
    });
  });

  it('writes a sum that is 0 mod 31 as check character 0', () => {
    // find a prefix whose check character is 0 and verify the round trip
    const prefix = Array.from(
      { length: 31 },
      (_, i) => `9132050${i % 10}MA1N0000${'0123456789ABCDEFGHJKLMNPQRTUWXY'.charAt(i)}`,
    ).find((p) => creditCodeCheckChar(p) === '0');
    expect(prefix).toBeDefined();
    expect(isValidCreditCode(`${prefix}0`)).toBe(true);
  });

  it('normalises case and surrounding space', () => {
    expect(parseCreditCode(' 91350100m000100y43 ')).toMatchObject({ ok: true, code: '91350100M000100Y43' });
  });

  it.each([
    ['', 'LENGTH'],
    ['91350100M000100Y4', 'LENGTH'],
    ['91350100M000100Y43X', 'LENGTH'],
    ['91350100M000100I43', 'CHARSET'],
    ['91350100O000100Y43', 'CHARSET'],
    ['913501A0M000100Y43', 'DIVISION_CODE'],
    ['91350100M000100Y44', 'CHECK_CHARACTER'],
    ['91350100M000100Y34', 'CHECK_CHARACTER'],
  ])('rejects %j (%s)', (code, error) => {
    const r = parseCreditCode(code);
    expect(r).toMatchObject({ ok: false, error });
    if (!r.ok) expect(r.reason).toEqual(expect.any(String));
  });

  it('throws when asked for the check character of malformed input', () => {
    expect(() => creditCodeCheckChar('9135')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100S4')).toThrow(RangeError);
  });
});

describe('resident id (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('accepts a valid id with X as check character', () => {
    expect(personIdCheckChar('11010519491231002')).toBe('X');
    expect(parsePersonId('11010519491231002x')).toEqual({
      ok: true,
      id: '11010519491231002X',
      divisionCode: '110105',
      birthDate: '1949-12-31',
      sequence: '002',
      sex: 'female',
    });
  });

  it('mints and accepts a Jiashan-registered man', () => {
    const first17 = '33042119800101001';
    const id = first17 + personIdCheckChar(first17);
    expect(parsePersonId(id)).toMatchObject({ ok: true, divisionCode: '330421', birthDate: '1980-01-01', sex: 'male' });
  });

  it.each([
    ['1101051949123100', 'FORMAT'],
    ['11010519491231002Y', 'FORMAT'],
    ['110105194902300021', 'BIRTH_DATE'],
    ['110105194912310021', 'CHECK_CHARACTER'],
  ])('rejects %s (%s)', (id, error) => {
    expect(parsePersonId(id)).toMatchObject({ ok: false, error });
    expect(isValidPersonId(id)).toBe(false);
  });

  const withCheck = (first17: string) => first17 + personIdCheckChar(first17);

  it.each([
    ['region code 000000', withCheck('00000019800101001')],
    ['region code 990101', withCheck('99010119800101001')],
    ['a province prefix that does not exist (29)', withCheck('29010119800101001')],
  ])('rejects %s (DIVISION_CODE) even with a correct check character', (_what, id) => {
    expect(parsePersonId(id)).toMatchObject({ ok: false, error: 'DIVISION_CODE' });
  });

  it('rejects a birth date after today in China, accepts one on it', () => {
    const born2099 = withCheck('31011820990101001');
    expect(parsePersonId(born2099)).toMatchObject({ ok: false, error: 'BIRTH_DATE', reason: expect.stringContaining('in the future') });
    const bornToday = withCheck('31011820260301001');
    expect(parsePersonId(bornToday, { today: '2026-03-01' }).ok).toBe(true);
    expect(parsePersonId(bornToday, { today: '2026-02-28' })).toMatchObject({ ok: false, error: 'BIRTH_DATE' });
    expect(isValidPersonId(withCheck('81000019900101001'))).toBe(true);
  });
});
