import { compareDates, IsoDate, isIsoDate } from '@yrd/calendar';
import { defaultContext, DomainContext, isNonEmpty, today } from './deadline';
import { DomainError, refuse, RULES } from './errors';
import { Command, compact, DomainEvent, ok, Result } from './result';

/**
 * A joint enforcement campaign (执法联动) in the four unifications:
 * 统一时间 (one window, `startsOn`–`endsOn`; no task starts before it opens),
 * 统一力量 (tasks for several bureaus), 统一查处 (one set of `targets`),
 * 统一裁量 (one discretion standard, `discretionStandardId`, for every penalty in it).
 */
export interface CampaignTask {
  taskId: string;
  bureau: string;
  description: string;
}

export interface TaskResult {
  summary: string;
  inspections?: number;
  casesOpened?: number;
  caseNumbers?: string[];
}

export type TaskStatus = 'pending' | 'in-progress' | 'completed';

// ── events ────────────────────────────────────────────────────────────────────────────────────

export type JointActionCreated = DomainEvent<
  'joint-action.created',
  {
    campaignId: string;
    title: string;
    leadBureau: string;
    startsOn: IsoDate;
    endsOn: IsoDate;
    targets: string[];
    discretionStandardId: string;
    tasks: CampaignTask[];
    createdAt: string;
  }
>;

export type JointActionTaskStarted = DomainEvent<
  'joint-action.task-started',
  { campaignId: string; taskId: string; bureau: string; startedAt: string }
>;

export type JointActionTaskCompleted = DomainEvent<
  'joint-action.task-completed',
  { campaignId: string; taskId: string; bureau: string; result: TaskResult; completedAt: string }
>;

export type JointActionClosed = DomainEvent<
  'joint-action.closed',
  { campaignId: string; closedBy: string; summary?: string; closedAt: string }
>;

export type JointActionEvent =
  | JointActionCreated
  | JointActionTaskStarted
  | JointActionTaskCompleted
  | JointActionClosed;

// ── state ─────────────────────────────────────────────────────────────────────────────────────

export interface TaskState extends CampaignTask {
  status: TaskStatus;
  result?: TaskResult;
}

export type JointActionState =
  | { status: 'none' }
  | {
      status: 'open' | 'closed';
      campaignId: string;
      leadBureau: string;
      startsOn: IsoDate;
      endsOn: IsoDate;
      discretionStandardId: string;
      tasks: TaskState[];
    };

export const initialState: JointActionState = { status: 'none' };

export function evolve(state: JointActionState, event: JointActionEvent): JointActionState {
  const { type, data } = event;
  if (type === 'joint-action.created') {
    return {
      status: 'open',
      campaignId: data.campaignId,
      leadBureau: data.leadBureau,
      startsOn: data.startsOn,
      endsOn: data.endsOn,
      discretionStandardId: data.discretionStandardId,
      tasks: data.tasks.map((t) => ({ ...t, status: 'pending' })),
    };
  }
  if (state.status === 'none') return state;
  switch (type) {
    case 'joint-action.task-started':
      return {
        ...state,
        tasks: state.tasks.map((t) => (t.taskId === data.taskId ? { ...t, status: 'in-progress' } : t)),
      };
    case 'joint-action.task-completed':
      return {
        ...state,
        tasks: state.tasks.map((t) =>
          t.taskId === data.taskId ? { ...t, status: 'completed', result: data.result } : t,
        ),
      };
    case 'joint-action.closed':
      return { ...state, status: 'closed' };
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
}

export interface CampaignProgress {
  total: number;
  pending: number;
  inProgress: number;
  completed: number;
  /** Completed tasks as a whole-number percentage of all tasks. */
  percent: number;
}

/** Derived, never stored: counts by status. */
export function progressOf(state: JointActionState): CampaignProgress {
  const tasks = state.status === 'none' ? [] : state.tasks;
  const count = (s: TaskStatus): number => tasks.filter((t) => t.status === s).length;
  const completed = count('completed');
  return {
    total: tasks.length,
    pending: count('pending'),
    inProgress: count('in-progress'),
    completed,
    percent: tasks.length === 0 ? 0 : Math.floor((completed * 100) / tasks.length),
  };
}

// ── commands ──────────────────────────────────────────────────────────────────────────────────

export type CreateJointAction = Command<
  'CreateJointAction',
  {
    campaignId: string;
    title: string;
    leadBureau: string;
    startsOn: IsoDate;
    endsOn: IsoDate;
    targets: string[];
    discretionStandardId: string;
    tasks: CampaignTask[];
  }
>;
export type StartTask = Command<'StartTask', { by: string; taskId: string }>;
export type CompleteTask = Command<'CompleteTask', { by: string; taskId: string; result: TaskResult }>;
export type CloseJointAction = Command<'CloseJointAction', { by: string; summary?: string }>;

export type JointActionCommand = CreateJointAction | StartTask | CompleteTask | CloseJointAction;

type Decision = Result<JointActionEvent[], DomainError>;

export function decide(
  command: JointActionCommand,
  state: JointActionState,
  now: Date,
  context: DomainContext = defaultContext(),
): Decision {
  const at = now.toISOString();
  if (command.type === 'CreateJointAction') return create(command, state, at, context);
  if (state.status === 'none') return refuse('NOT_FOUND', 'no such joint action');
  const s = state;
  // Who may act comes before the campaign's state: a bureau outside it learns nothing of that state.
  const actor = permittedActor(command, s);
  if (actor) return actor;
  if (s.status === 'closed') return refuse('CAMPAIGN_CLOSED', 'the joint action is closed');

  switch (command.type) {
    case 'StartTask':
    case 'CompleteTask': {
      const task = s.tasks.find((t) => t.taskId === command.data.taskId);
      if (!task) return refuse('TASK_NOT_FOUND', `no task ${command.data.taskId} in this joint action`);
      if (task.status === 'completed')
        return refuse('TASK_ALREADY_COMPLETED', `task ${task.taskId} is already completed`);
      if (command.type === 'StartTask') {
        if (task.status === 'in-progress')
          return refuse('TASK_ALREADY_STARTED', `task ${task.taskId} is already under way`);
        if (compareDates(today(now), s.startsOn) < 0) {
          return refuse(
            'CAMPAIGN_NOT_STARTED',
            `the joint action starts on ${s.startsOn} for every bureau (统一时间)`,
            RULES.JOINT_ACTION,
          );
        }
        return ok([
          {
            type: 'joint-action.task-started',
            data: { campaignId: s.campaignId, taskId: task.taskId, bureau: task.bureau, startedAt: at },
          },
        ]);
      }
      if (task.status === 'pending') return refuse('TASK_NOT_STARTED', `task ${task.taskId} has not been started`);
      const result = checkResult(command.data.result);
      if (!result.ok) return result;
      return ok([
        {
          type: 'joint-action.task-completed',
          data: {
            campaignId: s.campaignId,
            taskId: task.taskId,
            bureau: task.bureau,
            result: result.value,
            completedAt: at,
          },
        },
      ]);
    }
    case 'CloseJointAction': {
      const outstanding = s.tasks.filter((t) => t.status !== 'completed').map((t) => t.taskId);
      if (outstanding.length > 0) return refuse('TASKS_OUTSTANDING', `tasks not completed: ${outstanding.join(', ')}`);
      return ok([
        {
          type: 'joint-action.closed',
          data: compact({
            campaignId: s.campaignId,
            closedBy: command.data.by,
            summary: isNonEmpty(command.data.summary) ? command.data.summary : undefined,
            closedAt: at,
          }),
        },
      ]);
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function create(command: CreateJointAction, state: JointActionState, at: string, context: DomainContext): Decision {
  if (state.status !== 'none') return refuse('ALREADY_EXISTS', 'this joint action already exists');
  const d = command.data;
  if (!isNonEmpty(d.campaignId)) return refuse('INVALID_COMMAND', 'campaignId is required');
  if (!isNonEmpty(d.title)) return refuse('INVALID_COMMAND', 'title is required');
  if (!context.registry.findBureau(d.leadBureau))
    return refuse('UNKNOWN_BUREAU', `bureau ${d.leadBureau} is not registered`);
  if (!isIsoDate(d.startsOn) || !isIsoDate(d.endsOn) || compareDates(d.endsOn, d.startsOn) < 0) {
    return refuse('INVALID_COMMAND', 'startsOn and endsOn must be dates (YYYY-MM-DD), endsOn not before startsOn');
  }
  if (!Array.isArray(d.targets) || d.targets.length === 0 || !d.targets.every(isNonEmpty)) {
    return refuse('INVALID_COMMAND', 'name what the joint action targets (统一查处)');
  }
  if (!isNonEmpty(d.discretionStandardId)) {
    return refuse(
      'INVALID_COMMAND',
      'a joint action applies one discretion standard (统一裁量): give discretionStandardId',
      RULES.JOINT_ACTION,
    );
  }
  if (!Array.isArray(d.tasks) || d.tasks.length === 0) return refuse('INVALID_COMMAND', 'a joint action needs tasks');
  const ids = new Set<string>();
  for (const t of d.tasks) {
    if (!isNonEmpty(t.taskId) || !isNonEmpty(t.description))
      return refuse('INVALID_COMMAND', 'each task needs an id and a description');
    if (ids.has(t.taskId)) return refuse('DUPLICATE_TASK', `task id ${t.taskId} is used twice`);
    ids.add(t.taskId);
    if (!context.registry.findBureau(t.bureau)) return refuse('UNKNOWN_BUREAU', `bureau ${t.bureau} is not registered`);
  }
  if (new Set(d.tasks.map((t) => t.bureau)).size < 2) {
    return refuse(
      'TOO_FEW_BUREAUS',
      'a joint action gives tasks to at least two bureaus (统一力量)',
      RULES.JOINT_ACTION,
    );
  }
  return ok([
    {
      type: 'joint-action.created',
      data: {
        campaignId: d.campaignId,
        title: d.title,
        leadBureau: d.leadBureau,
        startsOn: d.startsOn,
        endsOn: d.endsOn,
        targets: [...d.targets],
        discretionStandardId: d.discretionStandardId,
        tasks: d.tasks.map((t) => ({ taskId: t.taskId, bureau: t.bureau, description: t.description })),
        createdAt: at,
      },
    },
  ]);
}

/** The actor check of a command on an existing campaign: a task is its bureau's, closing the lead's. */
function permittedActor(
  command: StartTask | CompleteTask | CloseJointAction,
  s: Exclude<JointActionState, { status: 'none' }>,
): { ok: false; error: DomainError } | undefined {
  const by = command.data.by;
  if (command.type === 'CloseJointAction') {
    return by === s.leadBureau
      ? undefined
      : refuse('ACTOR_NOT_PERMITTED', `only the lead bureau ${s.leadBureau} closes the joint action`);
  }
  const task = s.tasks.find((t) => t.taskId === command.data.taskId);
  if (task) return by === task.bureau ? undefined : refuse('ACTOR_NOT_PERMITTED', `task ${task.taskId} belongs to ${task.bureau}`);
  // An unknown task id: the campaign's parties are told so, anyone else only that it is not theirs.
  const party = by === s.leadBureau || s.tasks.some((t) => t.bureau === by);
  return party ? undefined : refuse('ACTOR_NOT_PERMITTED', `${by} has no task in this joint action`);
}

function checkResult(r: TaskResult | undefined): Result<TaskResult, DomainError> {
  if (!r || !isNonEmpty(r.summary)) return refuse('INVALID_COMMAND', 'a completed task reports its result (summary)');
  const count = (n: number | undefined): boolean => n === undefined || (Number.isInteger(n) && n >= 0);
  if (!count(r.inspections) || !count(r.casesOpened))
    return refuse('INVALID_COMMAND', 'counts must be whole numbers ≥ 0');
  if (r.caseNumbers !== undefined && (!Array.isArray(r.caseNumbers) || !r.caseNumbers.every(isNonEmpty))) {
    return refuse('INVALID_COMMAND', 'caseNumbers must be a list of case numbers');
  }
  return ok(
    compact({
      summary: r.summary,
      inspections: r.inspections,
      casesOpened: r.casesOpened,
      caseNumbers: r.caseNumbers ? [...r.caseNumbers] : undefined,
    }),
  );
}
