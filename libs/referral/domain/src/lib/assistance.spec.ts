import * as Assistance from './assistance';
import { chinaMorning, error, events, FAKE_2027, spec, testContext } from './testing/decider-spec';

const QINGPU = '310118';
const WUJIANG = '320509';
const JIASHAN = '330421';

const t0 = chinaMorning('2026-02-10');
const Q1 = '该公司是否在登记住所实际经营？';
const Q2 = '2026年1月的销售台账是否记载涉案批次？';

const requestCmd = (overrides: Partial<Assistance.RequestAssistance['data']> = {}): Assistance.RequestAssistance => ({
  type: 'RequestAssistance',
  data: {
    assistanceId: 'a1',
    requestingBureau: QINGPU,
    requestedBureau: JIASHAN,
    questions: [Q1, Q2],
    caseRef: 'r1',
    ...overrides,
  },
});
const answer = (findings: Assistance.Finding[], by = JIASHAN): Assistance.AnswerAssistance => ({
  type: 'AnswerAssistance',
  data: { by, findings, attachmentRefs: ['ev-9'] },
});
const F1: Assistance.Finding = { question: Q1, finding: '现场核实，实际经营', conclusion: 'confirmed' };
const F2: Assistance.Finding = { question: Q2, finding: '台账未记载', conclusion: 'not-confirmed' };
const fullFindings: Assistance.Finding[] = [F1, F2];
const extension = (newDueDate: string, by = JIASHAN, reason = '需调取银行流水'): Assistance.NoticeExtension => ({
  type: 'NoticeExtension',
  data: { by, newDueDate, reason },
});
const markOverdue: Assistance.MarkOverdue = { type: 'MarkOverdue', data: {} };

describe('Assistance (协查)', () => {
  let ctx = testContext();
  beforeEach(() => {
    ctx = testContext();
  });
  const assistance = () => spec(Assistance, ctx);
  const requested = (): Assistance.AssistanceEvent[] => events(assistance().given([]).when(requestCmd(), t0));

  describe('RequestAssistance', () => {
    it('sets a 15-working-day deadline by default', () => {
      expect(requested()).toEqual([
        {
          type: 'assistance.requested',
          data: {
            assistanceId: 'a1',
            requestingBureau: QINGPU,
            requestedBureau: JIASHAN,
            questions: [Q1, Q2],
            caseRef: 'r1',
            requestedAt: t0.toISOString(),
            receivedOn: '2026-02-10',
            deadline: {
              dueDate: '2026-03-09',
              provisional: false,
              reasons: [],
              basis: { from: '2026-02-10', workingDays: 15 },
            },
          },
        },
      ]);
    });

    it('may ask for a shorter period', () => {
      expect(
        events(
          assistance()
            .given([])
            .when(requestCmd({ workingDays: 5 }), t0),
        )[0],
      ).toMatchObject({
        data: { deadline: { dueDate: '2026-02-24' } },
      });
    });

    it.each<[string, Partial<Assistance.RequestAssistance['data']>, string]>([
      ['no questions', { questions: [] }, 'INVALID_COMMAND'],
      ['duplicate questions', { questions: [Q1, Q1] }, 'INVALID_COMMAND'],
      ['an empty question', { questions: [' '] }, 'INVALID_COMMAND'],
      ['more than 15 working days', { workingDays: 20 }, 'INVALID_COMMAND'],
      ['itself', { requestedBureau: QINGPU }, 'INVALID_COMMAND'],
      ['an unknown bureau', { requestedBureau: '110105' }, 'UNKNOWN_BUREAU'],
    ])('refuses a request with %s', (_, overrides, code) => {
      expect(error(assistance().given([]).when(requestCmd(overrides), t0)).code).toBe(code);
    });

    it('refuses a duplicate request', () => {
      expect(error(assistance().given(requested()).when(requestCmd(), t0)).code).toBe('ALREADY_EXISTS');
    });

    it('is provisional when the deadline reaches an unloaded year, and recomputed when it is loaded', () => {
      const now = chinaMorning('2026-12-15');
      const given = events(assistance().given([]).when(requestCmd(), now));
      expect(given[0]).toMatchObject({
        data: { deadline: { provisional: true, reasons: ['2027 holiday notice not loaded'] } },
      });
      ctx.calendar.loadYear(FAKE_2027);
      expect(
        events(assistance().given(given).when({ type: 'RecomputeAssistanceDeadline', data: {} }, now)),
      ).toMatchObject([
        { type: 'assistance.deadline-recomputed', data: { deadline: { dueDate: '2027-01-06', provisional: false } } },
      ]);
    });
  });

  describe('AnswerAssistance', () => {
    it('records structured findings, one per question', () => {
      const now = chinaMorning('2026-03-02');
      expect(events(assistance().given(requested()).when(answer(fullFindings), now))).toEqual([
        {
          type: 'assistance.answered',
          data: {
            assistanceId: 'a1',
            bureau: JIASHAN,
            findings: fullFindings,
            attachmentRefs: ['ev-9'],
            answeredAt: now.toISOString(),
            withinDeadline: true,
          },
        },
      ]);
    });

    it('accepts a late answer, marked as late', () => {
      expect(
        events(assistance().given(requested()).when(answer(fullFindings), chinaMorning('2026-03-10')))[0],
      ).toMatchObject({
        data: { withinDeadline: false },
      });
    });

    it('refuses an incomplete answer, naming the questions left', () => {
      const refusal = error(
        assistance()
          .given(requested())
          .when(answer([F1]), t0),
      );
      expect(refusal.code).toBe('FINDINGS_INCOMPLETE');
      expect(refusal.message).toContain(Q2);
    });

    it.each<[string, Assistance.Finding[]]>([
      [
        'a finding for a question not asked',
        [...fullFindings, { question: '别的问题', finding: 'x', conclusion: 'confirmed' }],
      ],
      ['two findings for one question', [...fullFindings, F1]],
      ['an empty finding', [{ ...F1, finding: '' }, F2]],
      ['an unknown conclusion', [{ ...F1, conclusion: 'maybe' as Assistance.FindingConclusion }, F2]],
    ])('refuses %s', (_, findings) => {
      expect(error(assistance().given(requested()).when(answer(findings), t0)).code).toBe('INVALID_COMMAND');
    });

    it('only the requested bureau answers, and only once', () => {
      expect(error(assistance().given(requested()).when(answer(fullFindings, WUJIANG), t0)).code).toBe(
        'ACTOR_NOT_PERMITTED',
      );
      const answered = [...requested(), ...events(assistance().given(requested()).when(answer(fullFindings), t0))];
      expect(error(assistance().given(answered).when(answer(fullFindings), t0)).code).toBe(
        'ASSISTANCE_ALREADY_ANSWERED',
      );
      // Another bureau is refused as such, not told that the request was answered.
      expect(error(assistance().given(answered).when(answer(fullFindings, WUJIANG), t0)).code).toBe('ACTOR_NOT_PERMITTED');
    });

    it('refuses on an unknown request', () => {
      expect(error(assistance().given([]).when(answer(fullFindings), t0)).code).toBe('NOT_FOUND');
    });
  });

  describe('NoticeExtension (before the deadline)', () => {
    it('sets the new deadline the requested bureau gives, on the last day at the latest', () => {
      const now = chinaMorning('2026-03-09');
      expect(events(assistance().given(requested()).when(extension('2026-03-20'), now))).toEqual([
        {
          type: 'assistance.extension-noticed',
          data: {
            assistanceId: 'a1',
            bureau: JIASHAN,
            previousDueDate: '2026-03-09',
            deadline: { dueDate: '2026-03-20', provisional: false, reasons: [] },
            reason: '需调取银行流水',
            noticedAt: now.toISOString(),
          },
        },
      ]);
    });

    it('refuses after the deadline, naming the rule', () => {
      expect(
        error(assistance().given(requested()).when(extension('2026-03-20'), chinaMorning('2026-03-10'))),
      ).toMatchObject({
        code: 'EXTENSION_AFTER_DEADLINE',
        rule: { id: 'ASSISTANCE_DEADLINE' },
      });
    });

    it.each<[string, Assistance.NoticeExtension, string]>([
      ['a date not after the current deadline', extension('2026-03-09'), 'EXTENSION_NOT_LATER'],
      ['a malformed date', extension('2026-3-20'), 'INVALID_COMMAND'],
      ['no reason', extension('2026-03-20', JIASHAN, ''), 'REASON_REQUIRED'],
      ['another bureau', extension('2026-03-20', QINGPU), 'ACTOR_NOT_PERMITTED'],
    ])('refuses %s', (_, cmd, code) => {
      expect(error(assistance().given(requested()).when(cmd, t0)).code).toBe(code);
    });

    it('refuses once answered', () => {
      const answered = [...requested(), ...events(assistance().given(requested()).when(answer(fullFindings), t0))];
      expect(error(assistance().given(answered).when(extension('2026-03-20'), t0)).code).toBe(
        'ASSISTANCE_ALREADY_ANSWERED',
      );
      expect(error(assistance().given(answered).when(extension('2026-03-20', QINGPU), t0)).code).toBe('ACTOR_NOT_PERMITTED');
    });
  });

  describe('MarkOverdue (after the deadline, unanswered)', () => {
    it('marks it overdue the day after the deadline', () => {
      const now = chinaMorning('2026-03-10');
      expect(events(assistance().given(requested()).when(markOverdue, now))).toEqual([
        {
          type: 'assistance.overdue-marked',
          data: { assistanceId: 'a1', dueDate: '2026-03-09', markedAt: now.toISOString() },
        },
      ]);
    });

    it('refuses on or before the deadline — the noticed one, if extended', () => {
      expect(error(assistance().given(requested()).when(markOverdue, chinaMorning('2026-03-09'))).code).toBe(
        'DEADLINE_NOT_PASSED',
      );
      const extended = [...requested(), ...events(assistance().given(requested()).when(extension('2026-03-20'), t0))];
      expect(error(assistance().given(extended).when(markOverdue, chinaMorning('2026-03-10'))).code).toBe(
        'DEADLINE_NOT_PASSED',
      );
      expect(events(assistance().given(extended).when(markOverdue, chinaMorning('2026-03-21')))).toHaveLength(1);
    });

    it('refuses when answered or already marked', () => {
      const now = chinaMorning('2026-03-10');
      const answered = [...requested(), ...events(assistance().given(requested()).when(answer(fullFindings), t0))];
      expect(error(assistance().given(answered).when(markOverdue, now)).code).toBe('ASSISTANCE_ALREADY_ANSWERED');
      const marked = [...requested(), ...events(assistance().given(requested()).when(markOverdue, now))];
      expect(error(assistance().given(marked).when(markOverdue, now)).code).toBe('ALREADY_MARKED_OVERDUE');
      // a late answer is still taken
      expect(events(assistance().given(marked).when(answer(fullFindings), now))[0]).toMatchObject({
        data: { withinDeadline: false },
      });
    });
  });
  describe('RemindAssistanceDeadline', () => {
    const remind = (dueDate = '2026-03-09'): Assistance.RemindAssistanceDeadline => ({
      type: 'RemindAssistanceDeadline',
      data: { dueDate },
    });

    it('reminds the requested bureau once per due date while unanswered', () => {
      const now = chinaMorning('2026-03-04');
      expect(events(assistance().given(requested()).when(remind(), now))).toEqual([
        {
          type: 'assistance.deadline-reminded',
          data: { assistanceId: 'a1', bureau: JIASHAN, dueDate: '2026-03-09', remindedAt: now.toISOString() },
        },
      ]);
      const reminded = [...requested(), ...events(assistance().given(requested()).when(remind(), now))];
      expect(events(assistance().given(reminded).when(remind(), now))).toEqual([]);
    });

    it('does nothing when answered, for a superseded due date, or after the deadline', () => {
      const answered = [...requested(), ...events(assistance().given(requested()).when(answer(fullFindings), t0))];
      expect(events(assistance().given(answered).when(remind(), t0))).toEqual([]);
      const extended = [...requested(), ...events(assistance().given(requested()).when(extension('2026-03-20'), t0))];
      expect(events(assistance().given(extended).when(remind(), t0))).toEqual([]);
      expect(events(assistance().given(extended).when(remind('2026-03-20'), t0))).toHaveLength(1);
      expect(events(assistance().given(requested()).when(remind(), chinaMorning('2026-03-10')))).toEqual([]);
    });
  });
});
