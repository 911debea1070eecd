import { withCreditCodeCheckChar } from '@yrd/bureaus';
import * as Clue from './clue';
import { chinaMorning, error, events, FAKE_2027, spec, testContext } from './testing/decider-spec';

const QINGPU = '310118';
const WUJIANG = '320509';
const JIASHAN = '330421';
const SUZHOU = '320500';
const JIASHAN_COMPANY = withCreditCodeCheckChar('91330421MA2B00001');
const BEIJING_COMPANY = withCreditCodeCheckChar('91110105MA0000001');

const t0 = chinaMorning('2026-02-10');

const submit = (overrides: Partial<Clue.SubmitClue['data']> = {}): Clue.SubmitClue => ({
  type: 'SubmitClue',
  data: {
    clueId: 'c1',
    discoveringBureau: QINGPU,
    subject: { name: '某某食品有限公司' },
    allegedViolation: '销售超过保质期的食品',
    facts: '网店销售过期食品',
    place: { divisionCode: JIASHAN, address: '嘉善县某路1号' },
    evidenceRefs: ['ev-1'],
    urgency: 'normal',
    ...overrides,
  },
});

describe('Clue', () => {
  let ctx = testContext();
  beforeEach(() => {
    ctx = testContext();
  });
  const clue = () => spec(Clue, ctx);

  /** Events of a clue Qingpu keeps (place in Qingpu), discovered on 2026-02-10. */
  const keptLocally = (): Clue.ClueEvent[] =>
    events(
      clue()
        .given([])
        .when(submit({ place: { divisionCode: QINGPU, address: '青浦区某路' } }), t0),
    );

  describe('SubmitClue → routing', () => {
    it('routes by the place of violation when there is neither target nor credit code', () => {
      const result = clue().given([]).when(submit(), t0);
      expect(events(result)).toEqual([
        {
          type: 'clue.submitted',
          data: {
            clueId: 'c1',
            discoveringBureau: QINGPU,
            subject: { name: '某某食品有限公司' },
            allegedViolation: '销售超过保质期的食品',
            facts: '网店销售过期食品',
            place: { divisionCode: JIASHAN, address: '嘉善县某路1号' },
            evidenceRefs: ['ev-1'],
            urgency: 'normal',
            discoveredOn: '2026-02-10',
            submittedAt: t0.toISOString(),
          },
        },
        {
          type: 'clue.routed',
          data: {
            clueId: 'c1',
            target: JIASHAN,
            basis: 'place',
            competentDivision: JIASHAN,
            routedAt: t0.toISOString(),
          },
        },
      ]);
    });

    it('prefers the registration authority in the credit code (positions 3–8) over the place', () => {
      const result = clue()
        .given([])
        .when(
          submit({
            subject: { name: '嘉善某公司', creditCode: JIASHAN_COMPANY },
            place: { divisionCode: WUJIANG, address: '吴江' },
          }),
          t0,
        );
      expect(events(result)[1]).toMatchObject({
        type: 'clue.routed',
        data: { target: JIASHAN, basis: 'registration-authority' },
      });
    });

    it('prefers an explicit target over everything', () => {
      const result = clue()
        .given([])
        .when(submit({ suggestedTarget: WUJIANG, subject: { name: 'x', creditCode: JIASHAN_COMPANY } }), t0);
      expect(events(result)[1]).toMatchObject({ type: 'clue.routed', data: { target: WUJIANG, basis: 'explicit' } });
    });

    it('falls back to the place when the credit code was registered outside the Delta', () => {
      const result = clue()
        .given([])
        .when(submit({ subject: { name: 'x', creditCode: BEIJING_COMPANY } }), t0);
      expect(events(result)[1]).toMatchObject({ data: { target: JIASHAN, basis: 'place' } });
    });

    it('keeps the clue locally when the competent bureau is the discovering bureau, with the 15-working-day check deadline', () => {
      const [, kept] = keptLocally();
      expect(kept).toEqual({
        type: 'clue.kept-locally',
        data: {
          clueId: 'c1',
          bureau: QINGPU,
          competentBureau: QINGPU,
          basis: 'place',
          competentDivision: QINGPU,
          // 2026 Spring Festival in between, with the 02-14 and 02-28 make-up Saturdays
          checkDeadline: {
            dueDate: '2026-03-09',
            provisional: false,
            reasons: [],
            basis: { from: '2026-02-10', workingDays: 15 },
          },
        },
      });
    });

    it('counts the check period from the day of discovery when it is given', () => {
      const [submitted, kept] = events(
        clue()
          .given([])
          .when(submit({ discoveredOn: '2026-02-09', place: { divisionCode: QINGPU, address: 'x' } }), t0),
      );
      expect(submitted).toMatchObject({ data: { discoveredOn: '2026-02-09' } });
      expect(kept).toMatchObject({ data: { checkDeadline: { dueDate: '2026-03-06' } } });
    });

    it('keeps it locally when the competent bureau lies within the discovering bureau’s area (Suzhou, Wujiang)', () => {
      const result = clue()
        .given([])
        .when(submit({ discoveringBureau: SUZHOU, place: { divisionCode: WUJIANG, address: 'x' } }), t0);
      expect(events(result)[1]).toMatchObject({
        type: 'clue.kept-locally',
        data: { bureau: SUZHOU, competentBureau: WUJIANG },
      });
    });

    it('refers to a subordinate only when that is the explicit target', () => {
      const result = clue()
        .given([])
        .when(submit({ discoveringBureau: SUZHOU, suggestedTarget: WUJIANG }), t0);
      expect(events(result)[1]).toMatchObject({ type: 'clue.routed', data: { target: WUJIANG, basis: 'explicit' } });
    });

    it('normalises the credit code it stores', () => {
      const result = clue()
        .given([])
        .when(submit({ subject: { name: 'x', creditCode: ` ${JIASHAN_COMPANY.toLowerCase()} ` } }), t0);
      expect(events(result)[0]).toMatchObject({ data: { subject: { name: 'x', creditCode: JIASHAN_COMPANY } } });
    });

    it.each<[string, Partial<Clue.SubmitClue['data']>, string]>([
      ['an invalid credit code', { subject: { name: 'x', creditCode: '91330421MA2B000010' } }, 'INVALID_CREDIT_CODE'],
      ['an invalid resident id', { subject: { name: 'x', personId: '110105194912310021' } }, 'INVALID_PERSON_ID'],
      [
        'both credit code and resident id',
        { subject: { name: 'x', creditCode: JIASHAN_COMPANY, personId: '11010519491231002X' } },
        'INVALID_COMMAND',
      ],
      ['a subject without a name', { subject: { name: ' ' } }, 'INVALID_COMMAND'],
      ['no facts', { facts: '' }, 'INVALID_COMMAND'],
      ['a malformed place code', { place: { divisionCode: '3304', address: 'x' } }, 'INVALID_COMMAND'],
      ['a bad urgency', { urgency: 'asap' as Clue.Urgency }, 'INVALID_COMMAND'],
      ['a discovery date in the future', { discoveredOn: '2026-02-11' }, 'INVALID_COMMAND'],
      ['an unknown discovering bureau', { discoveringBureau: '110105' }, 'UNKNOWN_BUREAU'],
      ['an unknown explicit target', { suggestedTarget: '110105' }, 'UNKNOWN_BUREAU'],
      ['a place outside the registry', { place: { divisionCode: '110105', address: '北京' } }, 'NO_COMPETENT_BUREAU'],
    ])('refuses %s', (_, overrides, code) => {
      expect(error(clue().given([]).when(submit(overrides), t0)).code).toBe(code);
    });

    it('refuses a second submission of the same clue', () => {
      expect(error(clue().given(keptLocally()).when(submit(), t0)).code).toBe('ALREADY_EXISTS');
    });
  });

  describe('OpenCase (立案) and DeclineCase', () => {
    const open: Clue.OpenCase = {
      type: 'OpenCase',
      data: { by: QINGPU, caseNumber: '沪青市监案〔2026〕1号', approvedBy: 'head-1' },
    };

    it('opens a case within the check period', () => {
      const result = clue().given(keptLocally()).when(open, chinaMorning('2026-03-09'));
      expect(events(result)).toEqual([
        {
          type: 'clue.case-opened',
          data: {
            clueId: 'c1',
            bureau: QINGPU,
            caseNumber: '沪青市监案〔2026〕1号',
            approvedBy: 'head-1',
            openedOn: '2026-03-09',
            withinDeadline: true,
          },
        },
      ]);
    });

    it('records a late decision as late (the case is still opened)', () => {
      expect(events(clue().given(keptLocally()).when(open, chinaMorning('2026-03-10')))[0]).toMatchObject({
        data: { withinDeadline: false },
      });
    });

    it('needs the head’s decision, the checking bureau, and an undecided clue', () => {
      const given = keptLocally();
      expect(
        error(
          clue()
            .given(given)
            .when({ ...open, data: { ...open.data, approvedBy: '' } }, t0),
        ),
      ).toMatchObject({
        code: 'APPROVAL_REQUIRED',
        rule: { id: 'CLUE_CHECK_DEADLINE' },
      });
      expect(
        error(
          clue()
            .given(given)
            .when({ ...open, data: { ...open.data, by: WUJIANG } }, t0),
        ).code,
      ).toBe('ACTOR_NOT_PERMITTED');
      expect(
        error(
          clue()
            .given(given)
            .when({ ...open, data: { ...open.data, caseNumber: '' } }, t0),
        ).code,
      ).toBe('INVALID_COMMAND');
      const opened = [...given, ...events(clue().given(given).when(open, t0))];
      expect(error(clue().given(opened).when(open, t0)).code).toBe('CLUE_ALREADY_DECIDED');
    });

    it('refuses on a clue that was transferred elsewhere', () => {
      const routed = events(clue().given([]).when(submit(), t0));
      expect(error(clue().given(routed).when(open, t0))).toMatchObject({
        code: 'CLUE_REFERRED',
        rule: { id: 'TRANSFER_TO_COMPETENT' },
      });
    });

    it('refuses on an unknown clue', () => {
      expect(error(clue().given([]).when(open, t0)).code).toBe('NOT_FOUND');
    });

    it('declines a case with a reason', () => {
      const decline: Clue.DeclineCase = {
        type: 'DeclineCase',
        data: { by: QINGPU, reason: '违法事实不成立', approvedBy: 'head-1' },
      };
      expect(events(clue().given(keptLocally()).when(decline, t0))).toEqual([
        {
          type: 'clue.case-declined',
          data: {
            clueId: 'c1',
            bureau: QINGPU,
            reason: '违法事实不成立',
            approvedBy: 'head-1',
            decidedOn: '2026-02-10',
            withinDeadline: true,
          },
        },
      ]);
      expect(
        error(
          clue()
            .given(keptLocally())
            .when({ ...decline, data: { ...decline.data, reason: '' } }, t0),
        ).code,
      ).toBe('REASON_REQUIRED');
      const declined = [...keptLocally(), ...events(clue().given(keptLocally()).when(decline, t0))];
      expect(error(clue().given(declined).when(open, t0)).code).toBe('CLUE_ALREADY_DECIDED');
    });
  });

  describe('ExtendCheck (once, by 15 working days, with approval, before the deadline)', () => {
    const extend: Clue.ExtendCheck = {
      type: 'ExtendCheck',
      data: { by: QINGPU, approvedBy: 'head-1', reason: '需赴外地调查' },
    };

    it('extends the check period by 15 working days, on the last day at the latest', () => {
      const now = chinaMorning('2026-03-09');
      expect(events(clue().given(keptLocally()).when(extend, now))).toEqual([
        {
          type: 'clue.check-extended',
          data: {
            clueId: 'c1',
            approvedBy: 'head-1',
            reason: '需赴外地调查',
            previousDueDate: '2026-03-09',
            checkDeadline: {
              dueDate: '2026-03-30',
              provisional: false,
              reasons: [],
              basis: { from: '2026-02-10', workingDays: 30 },
            },
            extendedAt: now.toISOString(),
          },
        },
      ]);
    });

    it('refuses a second extension', () => {
      const given = [...keptLocally(), ...events(clue().given(keptLocally()).when(extend, t0))];
      expect(error(clue().given(given).when(extend, t0))).toMatchObject({
        code: 'EXTENSION_ALREADY_USED',
        rule: { article: '第十八条' },
      });
    });

    it('refuses an extension after the deadline', () => {
      expect(error(clue().given(keptLocally()).when(extend, chinaMorning('2026-03-10'))).code).toBe(
        'EXTENSION_AFTER_DEADLINE',
      );
    });

    it('refuses an extension without approval or reason', () => {
      expect(
        error(
          clue()
            .given(keptLocally())
            .when({ ...extend, data: { ...extend.data, approvedBy: ' ' } }, t0),
        ).code,
      ).toBe('APPROVAL_REQUIRED');
      expect(
        error(
          clue()
            .given(keptLocally())
            .when({ ...extend, data: { ...extend.data, reason: '' } }, t0),
        ).code,
      ).toBe('REASON_REQUIRED');
    });
  });

  describe('AttachEvidence (evidence notarized after submission)', () => {
    const SHA = 'a'.repeat(64);
    const attach = (by: string, evidenceId = 'ev-2'): Clue.AttachEvidence => ({ type: 'AttachEvidence', data: { by, evidenceId, sha256: SHA } });
    const referred = () => events(clue().given([]).when(submit(), t0));

    it('links it to a referred clue, once, and evolve lists it after the evidence given at submission', () => {
      const attached = events(clue().given(referred()).when(attach(QINGPU), t0));
      expect(attached).toEqual([
        { type: 'clue.evidence-attached', data: { clueId: 'c1', evidenceId: 'ev-2', sha256: SHA, attachedBy: QINGPU, attachedAt: t0.toISOString() } },
      ]);
      const given = [...referred(), ...attached];
      expect(clue().given(given).state).toMatchObject({ status: 'routed', evidenceRefs: ['ev-1', 'ev-2'] });
      expect(events(clue().given(given).when(attach(QINGPU), t0))).toEqual([]);
      expect(events(clue().given(given).when(attach(QINGPU, 'ev-1'), t0))).toEqual([]);
    });

    it('keeps the link through the clue’s later life (kept locally, then a case opened)', () => {
      const given = [...keptLocally(), ...events(clue().given(keptLocally()).when(attach(QINGPU), t0))];
      expect(clue().given(given).state).toMatchObject({ status: 'checking', evidenceRefs: ['ev-1', 'ev-2'] });
    });

    it('only the clue’s own bureau links evidence; a malformed hash or an unknown clue is refused', () => {
      expect(error(clue().given(referred()).when(attach(JIASHAN), t0)).code).toBe('ACTOR_NOT_PERMITTED');
      expect(error(clue().given(referred()).when({ type: 'AttachEvidence', data: { by: QINGPU, evidenceId: 'ev-3', sha256: 'xyz' } }, t0)).code).toBe('INVALID_COMMAND');
      expect(error(clue().given([]).when(attach(QINGPU), t0)).code).toBe('NOT_FOUND');
    });
  });

  describe('RecomputeClueDeadline', () => {
    it('a check period reaching into 2027 is provisional, and is recomputed once the 2027 notice is loaded', () => {
      // Given a clue Qingpu keeps, discovered on 2026-12-15
      const now = chinaMorning('2026-12-15');
      const given = events(
        clue()
          .given([])
          .when(submit({ place: { divisionCode: QINGPU, address: 'x' } }), now),
      );
      expect(given[1]).toMatchObject({
        data: {
          checkDeadline: { dueDate: '2027-01-05', provisional: true, reasons: ['2027 holiday notice not loaded'] },
        },
      });
      // When nothing changed, recomputing yields nothing
      const recompute: Clue.RecomputeClueDeadline = { type: 'RecomputeClueDeadline', data: {} };
      expect(events(clue().given(given).when(recompute, now))).toEqual([]);
      // When the 2027 notice is loaded, the deadline is recomputed (as an event)
      ctx.calendar.loadYear(FAKE_2027);
      expect(events(clue().given(given).when(recompute, now))).toEqual([
        {
          type: 'clue.deadline-recomputed',
          data: {
            clueId: 'c1',
            previous: {
              dueDate: '2027-01-05',
              provisional: true,
              reasons: ['2027 holiday notice not loaded'],
              basis: { from: '2026-12-15', workingDays: 15 },
            },
            checkDeadline: {
              dueDate: '2027-01-06',
              provisional: false,
              reasons: [],
              basis: { from: '2026-12-15', workingDays: 15 },
            },
          },
        },
      ]);
    });
  });

  it('evolve ignores events that do not apply (replay safety)', () => {
    const state = Clue.evolve(Clue.initialState, {
      type: 'clue.case-opened',
      data: {
        clueId: 'c1',
        bureau: QINGPU,
        caseNumber: 'x',
        approvedBy: 'h',
        openedOn: '2026-02-10',
        withinDeadline: true,
      },
    });
    expect(state).toEqual({ status: 'none' });
  });
});
