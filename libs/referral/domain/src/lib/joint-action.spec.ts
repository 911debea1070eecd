import * as JointAction from './joint-action';
import { chinaMorning, error, events, spec, testContext } from './testing/decider-spec';

const QINGPU = '310118';
const WUJIANG = '320509';
const JIASHAN = '330421';

const t0 = chinaMorning('2026-03-02');
const opening = chinaMorning('2026-03-16');

const createCmd = (overrides: Partial<JointAction.CreateJointAction['data']> = {}): JointAction.CreateJointAction => ({
  type: 'CreateJointAction',
  data: {
    campaignId: 'j1',
    title: '示范区预付式消费联合执法行动',
    leadBureau: QINGPU,
    startsOn: '2026-03-16',
    endsOn: '2026-04-30',
    targets: ['预付式消费违法行为'],
    discretionStandardId: 'demo-zone-discretion-2024',
    tasks: [
      { taskId: 't-qp', bureau: QINGPU, description: '检查青浦区健身场所' },
      { taskId: 't-wj', bureau: WUJIANG, description: '检查吴江区健身场所' },
      { taskId: 't-js', bureau: JIASHAN, description: '检查嘉善县健身场所' },
    ],
    ...overrides,
  },
});
const start = (taskId: string, by: string): JointAction.StartTask => ({ type: 'StartTask', data: { taskId, by } });
const complete = (
  taskId: string,
  by: string,
  result: JointAction.TaskResult = { summary: '检查12家，立案2件', inspections: 12, casesOpened: 2 },
): JointAction.CompleteTask => ({
  type: 'CompleteTask',
  data: { taskId, by, result },
});
const close = (by: string): JointAction.CloseJointAction => ({
  type: 'CloseJointAction',
  data: { by, summary: '共检查36家' },
});

describe('JointAction (执法联动)', () => {
  const ctx = testContext();
  const campaign = () => spec(JointAction, ctx);
  const run = (...steps: [JointAction.JointActionCommand, Date][]): JointAction.JointActionEvent[] =>
    steps.reduce<JointAction.JointActionEvent[]>(
      (acc, [cmd, now]) => [...acc, ...events(campaign().given(acc).when(cmd, now))],
      [],
    );
  const created = () => run([createCmd(), t0]);
  const allDone = () =>
    run(
      [createCmd(), t0],
      ...(
        [
          ['t-qp', QINGPU],
          ['t-wj', WUJIANG],
          ['t-js', JIASHAN],
        ] as const
      ).flatMap(([id, by]): [JointAction.JointActionCommand, Date][] => [
        [start(id, by), opening],
        [complete(id, by), opening],
      ]),
    );

  describe('CreateJointAction', () => {
    it('creates the campaign with its tasks and discretion standard', () => {
      expect(created()).toEqual([
        { type: 'joint-action.created', data: { ...createCmd().data, createdAt: t0.toISOString() } },
      ]);
      expect(JointAction.progressOf(campaign().given(created()).state)).toEqual({
        total: 3,
        pending: 3,
        inProgress: 0,
        completed: 0,
        percent: 0,
      });
    });

    it.each<[string, Partial<JointAction.CreateJointAction['data']>, string]>([
      [
        'tasks for a single bureau',
        {
          tasks: [
            { taskId: 'a', bureau: QINGPU, description: 'x' },
            { taskId: 'b', bureau: QINGPU, description: 'y' },
          ],
        },
        'TOO_FEW_BUREAUS',
      ],
      [
        'a task id used twice',
        {
          tasks: [
            { taskId: 'a', bureau: QINGPU, description: 'x' },
            { taskId: 'a', bureau: WUJIANG, description: 'y' },
          ],
        },
        'DUPLICATE_TASK',
      ],
      ['no discretion standard', { discretionStandardId: '' }, 'INVALID_COMMAND'],
      ['no targets', { targets: [] }, 'INVALID_COMMAND'],
      ['an end before the start', { endsOn: '2026-03-15' }, 'INVALID_COMMAND'],
      ['no tasks', { tasks: [] }, 'INVALID_COMMAND'],
      [
        'an unknown task bureau',
        {
          tasks: [
            { taskId: 'a', bureau: QINGPU, description: 'x' },
            { taskId: 'b', bureau: '110105', description: 'y' },
          ],
        },
        'UNKNOWN_BUREAU',
      ],
      ['an unknown lead bureau', { leadBureau: '110105' }, 'UNKNOWN_BUREAU'],
    ])('refuses %s', (_, overrides, code) => {
      expect(error(campaign().given([]).when(createCmd(overrides), t0)).code).toBe(code);
    });

    it('refuses a duplicate', () => {
      expect(error(campaign().given(created()).when(createCmd(), t0)).code).toBe('ALREADY_EXISTS');
    });
  });

  describe('StartTask / CompleteTask', () => {
    it('starts a task from the unified start date, by its bureau', () => {
      expect(events(campaign().given(created()).when(start('t-wj', WUJIANG), opening))).toEqual([
        {
          type: 'joint-action.task-started',
          data: { campaignId: 'j1', taskId: 't-wj', bureau: WUJIANG, startedAt: opening.toISOString() },
        },
      ]);
    });

    it('refuses to start before the unified start date (统一时间)', () => {
      expect(error(campaign().given(created()).when(start('t-wj', WUJIANG), t0))).toMatchObject({
        code: 'CAMPAIGN_NOT_STARTED',
        rule: { id: 'JOINT_ACTION' },
      });
    });

    it('refuses unknown tasks, other bureaus and double starts', () => {
      expect(error(campaign().given(created()).when(start('nope', WUJIANG), opening)).code).toBe('TASK_NOT_FOUND');
      expect(error(campaign().given(created()).when(start('t-wj', JIASHAN), opening)).code).toBe('ACTOR_NOT_PERMITTED');
      const started = run([createCmd(), t0], [start('t-wj', WUJIANG), opening]);
      expect(error(campaign().given(started).when(start('t-wj', WUJIANG), opening)).code).toBe('TASK_ALREADY_STARTED');
    });

    it('completes a started task with its result, and progress follows', () => {
      const started = run([createCmd(), t0], [start('t-wj', WUJIANG), opening]);
      const done = events(campaign().given(started).when(complete('t-wj', WUJIANG), opening));
      expect(done).toEqual([
        {
          type: 'joint-action.task-completed',
          data: {
            campaignId: 'j1',
            taskId: 't-wj',
            bureau: WUJIANG,
            result: { summary: '检查12家，立案2件', inspections: 12, casesOpened: 2 },
            completedAt: opening.toISOString(),
          },
        },
      ]);
      const withQingpuStarted = [
        ...started,
        ...done,
        ...events(
          campaign()
            .given([...started, ...done])
            .when(start('t-qp', QINGPU), opening),
        ),
      ];
      expect(JointAction.progressOf(campaign().given(withQingpuStarted).state)).toEqual({
        total: 3,
        pending: 1,
        inProgress: 1,
        completed: 1,
        percent: 33,
      });
    });

    it('refuses to complete a task not started, twice, or without a result', () => {
      expect(error(campaign().given(created()).when(complete('t-wj', WUJIANG), opening)).code).toBe('TASK_NOT_STARTED');
      const started = run([createCmd(), t0], [start('t-wj', WUJIANG), opening]);
      expect(
        error(
          campaign()
            .given(started)
            .when(complete('t-wj', WUJIANG, { summary: '' }), opening),
        ).code,
      ).toBe('INVALID_COMMAND');
      expect(
        error(
          campaign()
            .given(started)
            .when(complete('t-wj', WUJIANG, { summary: 'x', inspections: -1 }), opening),
        ).code,
      ).toBe('INVALID_COMMAND');
      const completed = [...started, ...events(campaign().given(started).when(complete('t-wj', WUJIANG), opening))];
      expect(error(campaign().given(completed).when(complete('t-wj', WUJIANG), opening)).code).toBe(
        'TASK_ALREADY_COMPLETED',
      );
      expect(error(campaign().given(completed).when(start('t-wj', WUJIANG), opening)).code).toBe(
        'TASK_ALREADY_COMPLETED',
      );
    });
  });

  describe('CloseJointAction', () => {
    it('closes when every task is done, by the lead bureau', () => {
      const given = allDone();
      expect(JointAction.progressOf(campaign().given(given).state)).toMatchObject({ completed: 3, percent: 100 });
      expect(events(campaign().given(given).when(close(QINGPU), opening))).toEqual([
        {
          type: 'joint-action.closed',
          data: { campaignId: 'j1', closedBy: QINGPU, summary: '共检查36家', closedAt: opening.toISOString() },
        },
      ]);
    });

    it('refuses while tasks are outstanding, naming them', () => {
      const refusal = error(campaign().given(created()).when(close(QINGPU), opening));
      expect(refusal.code).toBe('TASKS_OUTSTANDING');
      expect(refusal.message).toContain('t-wj');
    });

    it('refuses other bureaus, and anything once closed', () => {
      expect(error(campaign().given(allDone()).when(close(WUJIANG), opening)).code).toBe('ACTOR_NOT_PERMITTED');
      const closed = [...allDone(), ...events(campaign().given(allDone()).when(close(QINGPU), opening))];
      expect(error(campaign().given(closed).when(close(QINGPU), opening)).code).toBe('CAMPAIGN_CLOSED');
      expect(error(campaign().given(closed).when(start('t-wj', WUJIANG), opening)).code).toBe('CAMPAIGN_CLOSED');
      // Who may act comes first: another bureau is not told the campaign is closed, nor which tasks exist.
      expect(error(campaign().given(closed).when(close(WUJIANG), opening)).code).toBe('ACTOR_NOT_PERMITTED');
      expect(error(campaign().given(closed).when(start('t-wj', JIASHAN), opening)).code).toBe('ACTOR_NOT_PERMITTED');
      expect(error(campaign().given(created()).when(start('nope', '340000'), opening)).code).toBe('ACTOR_NOT_PERMITTED');
    });

    it('refuses on an unknown campaign', () => {
      expect(error(campaign().given([]).when(close(QINGPU), opening)).code).toBe('NOT_FOUND');
    });
  });
});
