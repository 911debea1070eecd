import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { withCreditCodeCheckChar } from '@yrd/bureaus';
import {
  creditCodeProblem,
  ExactlyOneOf,
  IsCreditCode,
  IsDateNotInFuture,
  IsPersonId,
  IsRegisteredBureau,
  IsWithinRegisteredArea,
  personIdProblem,
} from './intake.validators';

const JIASHAN_CO = withCreditCodeCheckChar('91330421MA2B00001'); // …015
const PERSON = '11010519491231002X';

class Subject {
  @IsCreditCode()
  @ExactlyOneOf(['creditCode', 'personId'])
  creditCode?: string;

  @IsPersonId()
  personId?: string;
}

class Routing {
  @IsOptional()
  @IsRegisteredBureau()
  target?: string;

  @IsOptional()
  @IsWithinRegisteredArea()
  division?: string;

  @IsOptional()
  @IsDateNotInFuture({ now: () => new Date('2026-11-23T15:30:00Z') }) // 2026-11-23 23:30 in China
  discoveredOn?: string;
}

const messages = <T extends object>(cls: new () => T, plain: object): Record<string, string[]> =>
  Object.fromEntries(
    validateSync(plainToInstance(cls, plain) as object).map((e) => [e.property, Object.values(e.constraints ?? {})]),
  );

describe('credit code and person id validators', () => {
  it('accepts a code with the right check character', () => {
    expect(creditCodeProblem(JIASHAN_CO)).toBeNull();
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull(); // the commonly cited sample
    expect(messages(Subject, { creditCode: JIASHAN_CO })).toEqual({});
  });

  it('names the field and the failed check character', () => {
    const wrong = `${JIASHAN_CO.slice(0, 17)}A`;
    expect(messages(Subject, { creditCode: wrong })['creditCode']).toEqual([
      `creditCode is not a valid unified social credit code: check character is 'A', expected '${JIASHAN_CO.charAt(17)}'`,
    ]);
  });

  it.each([
    ['91330421MA2B0000', /18 characters, got 16/],
    ['91330421MA2B00001I', /'I' at position 18 is not allowed/],
    ['91ABCDEFMA2B000015', /positions 3–8 must be a six-digit division code/],
    [12345, /must be a unified social credit code/],
  ])('rejects %p', (code, reason) => {
    const [msg] = messages(Subject, { creditCode: code })['creditCode'] ?? [];
    expect(msg).toMatch(/^creditCode /);
    expect(msg).toMatch(reason);
  });

  it('validates a resident id with its MOD 11-2 check character', () => {
    expect(personIdProblem(PERSON)).toBeNull();
    expect(messages(Subject, { personId: PERSON })).toEqual({});
    expect(messages(Subject, { personId: '110105194912310021' })['personId']).toEqual([
      "personId is not a valid resident id: check character is '1', expected 'X'",
    ]);
    expect(messages(Subject, { personId: '110105194913310021' })['personId']?.[0]).toMatch(/not a date of birth/);
  });

  it('wants exactly one of credit code and person id', () => {
    expect(messages(Subject, {})['creditCode']).toEqual(['creditCode or one of personId is required']);
    expect(messages(Subject, { creditCode: JIASHAN_CO, personId: PERSON })['creditCode']?.[0]).toMatch(
      /must not be given together with personId/,
    );
  });
});

describe('bureau, area and date validators', () => {
  it('accepts registered bureaus and areas, rejects others', () => {
    expect(messages(Routing, { target: '330421', division: '330421' })).toEqual({});
    expect(messages(Routing, { division: '330402' })).toEqual({}); // a Jiaxing district: the city bureau is competent
    expect(messages(Routing, { target: '110000' })['target']).toEqual(['target is not a registered bureau (110000)']);
    expect(messages(Routing, { division: '110101' })['division']).toEqual([
      "division is not within any registered bureau's area (110101)",
    ]);
    expect(messages(Routing, { target: 'Qingpu' })['target']?.[0]).toMatch(/six-digit division code/);
  });

  it('refuses a discovery date in the future, in China time', () => {
    expect(messages(Routing, { discoveredOn: '2026-11-23' })).toEqual({});
    expect(messages(Routing, { discoveredOn: '2026-11-24' })['discoveredOn']).toEqual([
      'discoveredOn must not be in the future (today is 2026-11-23 in China)',
    ]);
    expect(messages(Routing, { discoveredOn: '2026-02-30' })['discoveredOn']).toEqual(['discoveredOn must be a date YYYY-MM-DD']);
  });
});
