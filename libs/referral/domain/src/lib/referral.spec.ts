import { domainErrorKind } from './errors';
import * as Referral from './referral';
import { chinaMorning, error, events, FAKE_2027, spec, testContext } from './testing/decider-spec';

const QINGPU = '310118';
const WUJIANG = '320509';
const JIASHAN = '330421';
const NANJING = '320100';
const JIANGSU = '320000';
const HANGZHOU = '330100';

const t0 = chinaMorning('2026-02-10');
const t1 = chinaMorning('2026-02-11');

const create = (overrides: Partial<Referral.CreateReferral['data']> = {}): Referral.CreateReferral => ({
  type: 'CreateReferral',
  data: {
    referralId: 'r1',
    clueId: 'c1',
    fromBureau: QINGPU,
    toBureau: JIASHAN,
    basis: 'place',
    subject: { name: '某某食品有限公司' },
    allegedViolation: '销售超过保质期的食品',
    facts: '网店销售过期食品',
    place: { divisionCode: JIASHAN, address: '嘉善县某路1号' },
    evidenceRefs: ['ev-1', 'ev-2'],
    urgency: 'urgent',
    ...overrides,
  },
});
const deliver: Referral.DeliverReferral = { type: 'DeliverReferral', data: {} };
const accept = (by: string): Referral.AcceptReferral => ({ type: 'AcceptReferral', data: { by } });
const reject = (by: string, reason = '材料不全'): Referral.RejectReferral => ({
  type: 'RejectReferral',
  data: { by, reason },
});
const dispute = (by: string, reason = '违法行为发生地在吴江'): Referral.DisputeJurisdiction => ({
  type: 'DisputeJurisdiction',
  data: { by, reason },
});
const designate = (by: string, designatedBureau: string): Referral.DesignateJurisdiction => ({
  type: 'DesignateJurisdiction',
  data: { by, designatedBureau, reason: '经协调' },
});
/** A coordinator of the joint mechanism (an admin, whose own bureau is Shanghai's) designates. */
const coordinate = (designatedBureau: string): Referral.DesignateJurisdiction => ({
  type: 'DesignateJurisdiction',
  data: { by: '310000', designatedBureau, reason: '经协调', jointMechanismCoordinator: true },
});
const transfer = (by: string, toBureau: string): Referral.TransferReferral => ({
  type: 'TransferReferral',
  data: { by, toBureau },
});
const feedback = (by: string, overrides: Partial<Referral.SubmitFeedback['data']> = {}): Referral.SubmitFeedback => ({
  type: 'SubmitFeedback',
  data: {
    by,
    outcome: 'penalised',
    handlingResult: '没收违法所得并罚款',
    caseNumber: '嘉善市监案〔2026〕12号',
    penaltyDecisionRef: '嘉善市监罚字〔2026〕12号',
    ...overrides,
  },
});
const close = (by: string): Referral.CloseReferral => ({ type: 'CloseReferral', data: { by } });

describe('Referral', () => {
  let ctx = testContext();
  beforeEach(() => {
    ctx = testContext();
  });
  const referral = () => spec(Referral, ctx);

  /** Runs commands in order from the start, returning all events; fails the test on a refusal. */
  const history = (...steps: [Referral.ReferralCommand, Date][]): Referral.ReferralEvent[] =>
    steps.reduce<Referral.ReferralEvent[]>(
      (acc, [cmd, now]) => [...acc, ...events(referral().given(acc).when(cmd, now))],
      [],
    );

  const created = () => history([create(), t0]);
  const delivered = () => history([create(), t0], [deliver, t0]);
  const accepted = () => history([create(), t0], [deliver, t0], [accept(JIASHAN), t1]);
  const disputed = () => history([create(), t0], [deliver, t0], [dispute(JIASHAN), t1]);

  describe('CreateReferral', () => {
    it('creates a referral from one bureau to another', () => {
      expect(events(referral().given([]).when(create(), t0))).toEqual([
        {
          type: 'referral.created',
          data: {
            referralId: 'r1',
            clueId: 'c1',
            fromBureau: QINGPU,
            toBureau: JIASHAN,
            basis: 'place',
            subject: { name: '某某食品有限公司' },
            allegedViolation: '销售超过保质期的食品',
            facts: '网店销售过期食品',
            place: { divisionCode: JIASHAN, address: '嘉善县某路1号' },
            evidenceRefs: ['ev-1', 'ev-2'],
            urgency: 'urgent',
            createdAt: t0.toISOString(),
          },
        },
      ]);
    });

    it.each<[string, Partial<Referral.CreateReferral['data']>, string]>([
      ['to itself', { toBureau: QINGPU }, 'CANNOT_REFER_TO_SELF'],
      ['to an unknown bureau', { toBureau: '110105' }, 'UNKNOWN_BUREAU'],
      ['without facts', { facts: '' }, 'INVALID_COMMAND'],
      ['with a bad credit code', { subject: { name: 'x', creditCode: '91350100M000100Y44' } }, 'INVALID_CREDIT_CODE'],
    ])('refuses a referral %s', (_, overrides, code) => {
      expect(error(referral().given([]).when(create(overrides), t0)).code).toBe(code);
    });

    it('refuses to create it twice', () => {
      expect(error(referral().given(created()).when(create(), t0)).code).toBe('ALREADY_EXISTS');
    });
  });

  describe('DeliverReferral', () => {
    it('starts the 15-working-day check period from the day after receipt', () => {
      expect(events(referral().given(created()).when(deliver, t0))).toEqual([
        {
          type: 'referral.delivered',
          data: {
            referralId: 'r1',
            toBureau: JIASHAN,
            deliveredAt: t0.toISOString(),
            receivedOn: '2026-02-10',
            checkDeadline: {
              dueDate: '2026-03-09',
              provisional: false,
              reasons: [],
              basis: { from: '2026-02-10', workingDays: 15 },
            },
          },
        },
      ]);
    });

    it('counts receipt in China time (23:30 UTC on 02-09 is already 02-10 in Shanghai)', () => {
      const late = new Date('2026-02-09T23:30:00Z');
      expect(events(referral().given(created()).when(deliver, late))[0]).toMatchObject({
        data: { receivedOn: '2026-02-10' },
      });
    });

    it('is delivered once', () => {
      expect(error(referral().given(delivered()).when(deliver, t0)).code).toBe('REFERRAL_ALREADY_DELIVERED');
    });

    it('carries the provisional flag when the period reaches an unloaded year, and is recomputed after loading it', () => {
      const now = chinaMorning('2026-12-15');
      const given = history([create(), now], [deliver, now]);
      expect(given[1]).toMatchObject({
        data: {
          checkDeadline: { dueDate: '2027-01-05', provisional: true, reasons: ['2027 holiday notice not loaded'] },
        },
      });
      const recompute: Referral.RecomputeReferralDeadline = { type: 'RecomputeReferralDeadline', data: {} };
      expect(events(referral().given(given).when(recompute, now))).toEqual([]);
      ctx.calendar.loadYear(FAKE_2027);
      expect(events(referral().given(given).when(recompute, now))).toMatchObject([
        {
          type: 'referral.deadline-recomputed',
          data: {
            referralId: 'r1',
            previous: { dueDate: '2027-01-05' },
            checkDeadline: { dueDate: '2027-01-06', provisional: false },
          },
        },
      ]);
    });
  });

  describe('AcceptReferral', () => {
    it('is accepted by the receiving bureau', () => {
      expect(events(referral().given(delivered()).when(accept(JIASHAN), t1))).toEqual([
        { type: 'referral.accepted', data: { referralId: 'r1', bureau: JIASHAN, acceptedAt: t1.toISOString() } },
      ]);
    });

    it('refuses a second acceptance', () => {
      const result = referral().given(accepted()).when(accept(JIASHAN), t1);
      expect(error(result).code).toBe('REFERRAL_ALREADY_ACCEPTED');
      expect(domainErrorKind(error(result).code)).toBe('conflict');
    });

    it.each<[string, () => Referral.ReferralEvent[], string]>([
      ['before delivery', created, 'REFERRAL_NOT_DELIVERED'],
      [
        'after rejection',
        () => history([create(), t0], [deliver, t0], [reject(JIASHAN), t1]),
        'REFERRAL_ALREADY_REJECTED',
      ],
      ['while jurisdiction is disputed', disputed, 'REFERRAL_DISPUTED'],
      [
        'after feedback',
        () => [...accepted(), ...events(referral().given(accepted()).when(feedback(JIASHAN), t1))],
        'REFERRAL_ALREADY_ACCEPTED',
      ],
      ['of an unknown referral', () => [], 'NOT_FOUND'],
    ])('refuses acceptance %s', (_, given, code) => {
      expect(error(referral().given(given()).when(accept(JIASHAN), t1)).code).toBe(code);
    });

    it('refuses acceptance by any other bureau', () => {
      expect(error(referral().given(delivered()).when(accept(WUJIANG), t1)).code).toBe('ACTOR_NOT_PERMITTED');
    });
  });

  describe('RejectReferral', () => {
    it('is rejected by the receiving bureau with a reason', () => {
      expect(events(referral().given(delivered()).when(reject(JIASHAN, '不属于违法行为'), t1))).toEqual([
        {
          type: 'referral.rejected',
          data: { referralId: 'r1', bureau: JIASHAN, reason: '不属于违法行为', rejectedAt: t1.toISOString() },
        },
      ]);
    });

    it('needs a reason', () => {
      expect(error(referral().given(delivered()).when(reject(JIASHAN, '  '), t1)).code).toBe('REASON_REQUIRED');
    });

    it('cannot be rejected after acceptance', () => {
      expect(error(referral().given(accepted()).when(reject(JIASHAN), t1)).code).toBe('REFERRAL_ALREADY_ACCEPTED');
    });
  });

  describe('TransferReferral (不得再自行移送)', () => {
    it.each<[string, () => Referral.ReferralEvent[]]>([
      ['once delivered', delivered],
      ['after acceptance', accepted],
      ['while disputed', disputed],
    ])('is forbidden to the receiving bureau %s, naming the rule', (_, given) => {
      const refusal = error(referral().given(given()).when(transfer(JIASHAN, WUJIANG), t1));
      expect(refusal).toMatchObject({
        code: 'RETRANSFER_FORBIDDEN',
        rule: { id: 'NO_RETRANSFER', source: '《市场监督管理行政处罚程序规定》' },
      });
      expect(refusal.rule?.text).toContain('不得再自行移送');
      expect(domainErrorKind(refusal.code)).toBe('rule');
    });

    it('is not how anyone else moves a referral either: only designation does', () => {
      expect(error(referral().given(delivered()).when(transfer(QINGPU, WUJIANG), t1))).toMatchObject({
        code: 'ACTOR_NOT_PERMITTED',
        rule: { id: 'DESIGNATION' },
      });
    });
  });

  describe('DisputeJurisdiction', () => {
    it('across provinces: the designating authority is the joint mechanism', () => {
      expect(events(referral().given(delivered()).when(dispute(JIASHAN), t1))).toEqual([
        {
          type: 'referral.disputed',
          data: {
            referralId: 'r1',
            bureau: JIASHAN,
            reason: '违法行为发生地在吴江',
            designatingAuthority: 'YRD-JOINT',
            designatingAuthorityKind: 'joint-mechanism',
            disputedAt: t1.toISOString(),
          },
        },
      ]);
    });

    it('within a province: the common superior (Wujiang ↔ Nanjing → Jiangsu)', () => {
      const given = history([create({ fromBureau: WUJIANG, toBureau: NANJING }), t0], [deliver, t0]);
      expect(events(referral().given(given).when(dispute(NANJING), t1))[0]).toMatchObject({
        data: { designatingAuthority: JIANGSU, designatingAuthorityKind: 'common-superior' },
      });
    });

    it('the cross-province authority is configurable', () => {
      ctx = testContext({ designatingPolicy: { crossProvinceAuthority: 'SAMR' } });
      expect(events(referral().given(delivered()).when(dispute(JIASHAN), t1))[0]).toMatchObject({
        data: { designatingAuthority: 'SAMR' },
      });
    });

    it('needs a reason, the receiving bureau, and a delivered referral', () => {
      expect(error(referral().given(delivered()).when(dispute(JIASHAN, ''), t1)).code).toBe('REASON_REQUIRED');
      expect(error(referral().given(delivered()).when(dispute(WUJIANG), t1)).code).toBe('ACTOR_NOT_PERMITTED');
      expect(error(referral().given(accepted()).when(dispute(JIASHAN), t1)).code).toBe('REFERRAL_ALREADY_ACCEPTED');
      expect(error(referral().given(disputed()).when(dispute(JIASHAN), t1)).code).toBe('REFERRAL_DISPUTED');
    });
  });

  describe('DesignateJurisdiction (指定管辖)', () => {
    const t2 = chinaMorning('2026-02-12');

    it('re-routes to the designated bureau, which receives it anew with a fresh check period', () => {
      expect(events(referral().given(disputed()).when(coordinate(WUJIANG), t2))).toEqual([
        {
          type: 'referral.designated',
          data: {
            referralId: 'r1',
            designatedBy: 'YRD-JOINT',
            designatedBureau: WUJIANG,
            previousBureau: JIASHAN,
            reason: '经协调',
            designatedAt: t2.toISOString(),
          },
        },
        {
          type: 'referral.delivered',
          data: {
            referralId: 'r1',
            toBureau: WUJIANG,
            deliveredAt: t2.toISOString(),
            receivedOn: '2026-02-12',
            checkDeadline: {
              dueDate: '2026-03-11',
              provisional: false,
              reasons: [],
              basis: { from: '2026-02-12', workingDays: 15 },
            },
          },
        },
      ]);
    });

    it('then the designated bureau (and only it) accepts, and may not dispute again', () => {
      const given = [...disputed(), ...events(referral().given(disputed()).when(coordinate(WUJIANG), t2))];
      expect(referral().given(given).state).toMatchObject({ status: 'delivered', toBureau: WUJIANG, designated: true });
      expect(error(referral().given(given).when(accept(JIASHAN), t2)).code).toBe('ACTOR_NOT_PERMITTED');
      expect(error(referral().given(given).when(dispute(WUJIANG), t2))).toMatchObject({
        code: 'JURISDICTION_ALREADY_DESIGNATED',
        rule: { id: 'DESIGNATION' },
      });
      expect(error(referral().given(given).when(reject(WUJIANG), t2)).code).toBe('JURISDICTION_ALREADY_DESIGNATED');
      expect(error(referral().given(given).when(transfer(WUJIANG, HANGZHOU), t2)).code).toBe('RETRANSFER_FORBIDDEN');
      expect(events(referral().given(given).when(accept(WUJIANG), t2))).toMatchObject([
        { type: 'referral.accepted', data: { bureau: WUJIANG } },
      ]);
    });

    it('may designate the disputing bureau itself', () => {
      expect(events(referral().given(disputed()).when(coordinate(JIASHAN), t2))[1]).toMatchObject({
        type: 'referral.delivered',
        data: { toBureau: JIASHAN },
      });
    });

    it('only the designating authority may designate', () => {
      for (const by of [JIASHAN, QINGPU, '330000', '310000']) {
        expect(error(referral().given(disputed()).when(designate(by, WUJIANG), t2))).toMatchObject({
          code: 'NOT_DESIGNATING_AUTHORITY',
          rule: { id: 'DESIGNATION', source: '《中华人民共和国行政处罚法》', article: '第二十五条' },
        });
      }
    });

    it('who may designate is checked before the state: an outsider learns nothing of it', () => {
      // Delivered, not disputed: the authority is told REFERRAL_NOT_DISPUTED, anyone else only that it may not.
      expect(error(referral().given(delivered()).when(designate(JIANGSU, WUJIANG), t2)).code).toBe('NOT_DESIGNATING_AUTHORITY');
      expect(error(referral().given(delivered()).when(designate(WUJIANG, WUJIANG), t2)).code).toBe('NOT_DESIGNATING_AUTHORITY');
    });

    it('within one province only the provincial bureau designates: a joint-mechanism coordinator may not', () => {
      const given = history(
        [create({ fromBureau: WUJIANG, toBureau: NANJING }), t0],
        [deliver, t0],
        [dispute(NANJING), t1],
      );
      expect(error(referral().given(given).when(coordinate(WUJIANG), t2)).code).toBe('NOT_DESIGNATING_AUTHORITY');
      expect(error(referral().given(given).when(designate('310000', WUJIANG), t2)).code).toBe('NOT_DESIGNATING_AUTHORITY');
      expect(events(referral().given(given).when(designate(JIANGSU, WUJIANG), t2))[0]).toMatchObject({
        type: 'referral.designated',
        data: { designatedBy: JIANGSU, designatedBureau: WUJIANG, previousBureau: NANJING },
      });
    });

    it('a common superior designates only among its own bureaus', () => {
      const given = history(
        [create({ fromBureau: WUJIANG, toBureau: NANJING }), t0],
        [deliver, t0],
        [dispute(NANJING), t1],
      );
      expect(error(referral().given(given).when(designate(JIANGSU, HANGZHOU), t2)).code).toBe(
        'DESIGNATION_OUTSIDE_AUTHORITY',
      );
      expect(events(referral().given(given).when(designate(JIANGSU, WUJIANG), t2))[1]).toMatchObject({
        data: { toBureau: WUJIANG },
      });
    });

    it('refuses an unknown bureau, or a referral that is not disputed', () => {
      expect(error(referral().given(disputed()).when(coordinate('110105'), t2)).code).toBe(
        'UNKNOWN_BUREAU',
      );
      expect(error(referral().given(delivered()).when(coordinate(WUJIANG), t2)).code).toBe(
        'REFERRAL_NOT_DISPUTED',
      );
    });
  });

  describe('SubmitFeedback (反馈)', () => {
    it('reports the handling result after acceptance', () => {
      expect(events(referral().given(accepted()).when(feedback(JIASHAN), t1))).toEqual([
        {
          type: 'referral.feedback-submitted',
          data: {
            referralId: 'r1',
            bureau: JIASHAN,
            outcome: 'penalised',
            handlingResult: '没收违法所得并罚款',
            caseNumber: '嘉善市监案〔2026〕12号',
            penaltyDecisionRef: '嘉善市监罚字〔2026〕12号',
            submittedAt: t1.toISOString(),
          },
        },
      ]);
    });

    it('reports a case not opened without case number', () => {
      const fb = feedback(JIASHAN, {
        outcome: 'case-not-opened',
        handlingResult: '经核查违法事实不成立',
        caseNumber: undefined,
        penaltyDecisionRef: undefined,
      });
      expect(events(referral().given(accepted()).when(fb, t1))[0]?.data).toEqual({
        referralId: 'r1',
        bureau: JIASHAN,
        outcome: 'case-not-opened',
        handlingResult: '经核查违法事实不成立',
        submittedAt: t1.toISOString(),
      });
    });

    it('only after acceptance, once, by the receiving bureau, complete', () => {
      expect(error(referral().given(delivered()).when(feedback(JIASHAN), t1)).code).toBe('REFERRAL_NOT_ACCEPTED');
      const withFeedback = [...accepted(), ...events(referral().given(accepted()).when(feedback(JIASHAN), t1))];
      expect(error(referral().given(withFeedback).when(feedback(JIASHAN), t1)).code).toBe('FEEDBACK_ALREADY_SUBMITTED');
      expect(error(referral().given(accepted()).when(feedback(QINGPU), t1)).code).toBe('ACTOR_NOT_PERMITTED');
      // The actor first: an outsider is not told that the referral has not been accepted.
      expect(error(referral().given(delivered()).when(feedback(WUJIANG), t1)).code).toBe('ACTOR_NOT_PERMITTED');
      expect(
        error(
          referral()
            .given(accepted())
            .when(feedback(JIASHAN, { penaltyDecisionRef: undefined }), t1),
        ).code,
      ).toBe('INVALID_COMMAND');
      expect(
        error(
          referral()
            .given(accepted())
            .when(feedback(JIASHAN, { caseNumber: undefined }), t1),
        ).code,
      ).toBe('INVALID_COMMAND');
      expect(
        error(
          referral()
            .given(accepted())
            .when(feedback(JIASHAN, { handlingResult: '' }), t1),
        ).code,
      ).toBe('INVALID_COMMAND');
    });
  });

  describe('AttachReferralEvidence (evidence notarized for the clue after the referral opened)', () => {
    const SHA = 'b'.repeat(64);
    const attach = (by: string, evidenceId = 'ev-3'): Referral.AttachReferralEvidence => ({ type: 'AttachReferralEvidence', data: { by, evidenceId, sha256: SHA } });

    it('the referring bureau links it, once; evolve lists it after the evidence the referral opened with', () => {
      const attached = events(referral().given(delivered()).when(attach(QINGPU), t1));
      expect(attached).toEqual([
        { type: 'referral.evidence-attached', data: { referralId: 'r1', evidenceId: 'ev-3', sha256: SHA, attachedBy: QINGPU, attachedAt: t1.toISOString() } },
      ]);
      const given = [...delivered(), ...attached];
      expect(referral().given(given).state).toMatchObject({ status: 'delivered', evidenceRefs: ['ev-1', 'ev-2', 'ev-3'] });
      expect(events(referral().given(given).when(attach(QINGPU), t1))).toEqual([]);
    });

    it('nobody else adds evidence to the referral', () => {
      expect(error(referral().given(delivered()).when(attach(JIASHAN), t1)).code).toBe('ACTOR_NOT_PERMITTED');
      expect(error(referral().given(delivered()).when(attach(WUJIANG), t1)).code).toBe('ACTOR_NOT_PERMITTED');
    });
  });

  describe('CloseReferral', () => {
    const withFeedback = () => [...accepted(), ...events(referral().given(accepted()).when(feedback(JIASHAN), t1))];

    it('closes after feedback as handled, by either party', () => {
      expect(events(referral().given(withFeedback()).when(close(QINGPU), t1))).toEqual([
        {
          type: 'referral.closed',
          data: { referralId: 'r1', closedBy: QINGPU, outcome: 'handled', closedAt: t1.toISOString() },
        },
      ]);
      expect(events(referral().given(withFeedback()).when(close(JIASHAN), t1))).toHaveLength(1);
    });

    it('closes after rejection as rejected', () => {
      const given = history([create(), t0], [deliver, t0], [reject(JIASHAN), t1]);
      expect(events(referral().given(given).when(close(QINGPU), t1))[0]).toMatchObject({
        data: { outcome: 'rejected' },
      });
    });

    it('refuses to close too early, by a third party, or twice', () => {
      expect(error(referral().given(accepted()).when(close(QINGPU), t1)).code).toBe('REFERRAL_NOT_CLOSABLE');
      expect(error(referral().given(delivered()).when(close(QINGPU), t1)).code).toBe('REFERRAL_NOT_CLOSABLE');
      expect(error(referral().given(withFeedback()).when(close(WUJIANG), t1)).code).toBe('ACTOR_NOT_PERMITTED');
      // A third party is refused as such whatever the state (never told "not closable" or "closed").
      expect(error(referral().given(delivered()).when(close(WUJIANG), t1)).code).toBe('ACTOR_NOT_PERMITTED');
      const closed = [...withFeedback(), ...events(referral().given(withFeedback()).when(close(QINGPU), t1))];
      expect(error(referral().given(closed).when(close(QINGPU), t1)).code).toBe('REFERRAL_CLOSED');
      expect(error(referral().given(closed).when(accept(JIASHAN), t1)).code).toBe('REFERRAL_CLOSED');
    });
  });
  describe('RemindDeadline / EscalateOverdue (deadline jobs)', () => {
    // delivered 2026-02-10 → due 2026-03-09 (15 working days, Spring Festival 2026 skipped)
    const due = '2026-03-09';
    const remind = (dueDate = due): Referral.RemindDeadline => ({ type: 'RemindDeadline', data: { dueDate } });
    const escalate = (dueDate = due): Referral.EscalateOverdue => ({ type: 'EscalateOverdue', data: { dueDate } });

    it('reminds the receiver while the referral is undecided, once per due date', () => {
      const now = chinaMorning('2026-03-04');
      expect(events(referral().given(delivered()).when(remind(), now))).toEqual([
        {
          type: 'referral.deadline-reminded',
          data: { referralId: 'r1', bureau: JIASHAN, dueDate: due, remindedAt: now.toISOString() },
        },
      ]);
      const reminded = [...delivered(), ...events(referral().given(delivered()).when(remind(), now))];
      expect(events(referral().given(reminded).when(remind(), now))).toEqual([]);
    });

    it('does nothing once decided, for a stale due date, or after the deadline', () => {
      expect(events(referral().given(accepted()).when(remind(), t1))).toEqual([]);
      expect(events(referral().given(disputed()).when(remind(), t1))).toEqual([]);
      expect(events(referral().given(delivered()).when(remind('2026-03-01'), t1))).toEqual([]);
      expect(events(referral().given(delivered()).when(remind(), chinaMorning('2026-03-10')))).toEqual([]);
      expect(events(referral().given(created()).when(remind(), t1))).toEqual([]);
    });

    it('escalates the day after the due date, once, and only if still undecided', () => {
      const now = chinaMorning('2026-03-10');
      expect(events(referral().given(delivered()).when(escalate(), now))).toEqual([
        {
          type: 'referral.overdue-escalated',
          data: { referralId: 'r1', bureau: JIASHAN, dueDate: due, escalatedAt: now.toISOString() },
        },
      ]);
      const escalated = [...delivered(), ...events(referral().given(delivered()).when(escalate(), now))];
      expect(events(referral().given(escalated).when(escalate(), now))).toEqual([]);
      expect(events(referral().given(accepted()).when(escalate(), now))).toEqual([]);
      // a late decision is still taken after escalation
      expect(events(referral().given(escalated).when(accept(JIASHAN), now))).toHaveLength(1);
    });

    it('refuses to escalate on or before the due date (China time)', () => {
      const r = error(referral().given(delivered()).when(escalate(), new Date('2026-03-09T15:59:59Z')));
      expect(r.code).toBe('DEADLINE_NOT_PASSED');
      expect(domainErrorKind(r.code)).toBe('conflict');
      expect(events(referral().given(delivered()).when(escalate(), new Date('2026-03-09T16:00:00Z')))).toHaveLength(1);
    });
  });
});
