import { Inject, Injectable } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { Principal } from '@yrd/auth';
import { DomainContext, JointAction } from '@yrd/referral-domain';
import { DOMAIN_CONTEXT } from '../domain-context';
import { Repositories } from '../repositories';
import { jointActionStream, newId } from '../streams';
import { actorOf, CommandResult, runCommand } from './command-runner';

type State = JointAction.JointActionState;

export interface CreateJointActionInput {
  title: string;
  startsOn: string;
  endsOn: string;
  targets: string[];
  discretionStandardId: string;
  /** Task ids default to `task-1`, `task-2`, … in the order given. */
  tasks: Array<{ taskId?: string; bureau: string; description: string }>;
}

/** 联合执法: the caller's bureau leads the campaign it creates; each task is its bureau's. */
@Injectable()
export class JointActionCommands {
  constructor(
    private readonly backbone: EventBackbone,
    private readonly repos: Repositories,
    @Inject(DOMAIN_CONTEXT) private readonly context: DomainContext,
  ) {}

  create(input: CreateJointActionInput, principal: Principal, now = new Date()): Promise<CommandResult<State>> {
    const campaignId = newId();
    const command: JointAction.CreateJointAction = {
      type: 'CreateJointAction',
      data: {
        campaignId,
        leadBureau: principal.bureau,
        title: input.title,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        targets: input.targets,
        discretionStandardId: input.discretionStandardId,
        tasks: input.tasks.map((t, i) => ({ taskId: t.taskId ?? `task-${i + 1}`, bureau: t.bureau, description: t.description })),
      },
    };
    return runCommand(
      this.backbone,
      this.repos.jointActions,
      { id: campaignId, streamId: jointActionStream(campaignId), create: true },
      actorOf(principal),
      (s) => JointAction.decide(command, s, now, this.context),
    );
  }

  startTask(campaignId: string, taskId: string, principal: Principal, now = new Date()): Promise<CommandResult<State>> {
    return this.run(campaignId, principal, { type: 'StartTask', data: { by: principal.bureau, taskId } }, now);
  }

  completeTask(
    campaignId: string,
    taskId: string,
    result: JointAction.TaskResult,
    principal: Principal,
    now = new Date(),
  ): Promise<CommandResult<State>> {
    return this.run(campaignId, principal, { type: 'CompleteTask', data: { by: principal.bureau, taskId, result } }, now);
  }

  close(campaignId: string, summary: string | undefined, principal: Principal, now = new Date()): Promise<CommandResult<State>> {
    return this.run(
      campaignId,
      principal,
      { type: 'CloseJointAction', data: { by: principal.bureau, ...(summary ? { summary } : {}) } },
      now,
    );
  }

  private run(campaignId: string, principal: Principal, command: JointAction.JointActionCommand, now: Date): Promise<CommandResult<State>> {
    return runCommand(
      this.backbone,
      this.repos.jointActions,
      { id: campaignId, streamId: jointActionStream(campaignId) },
      actorOf(principal),
      (s) => JointAction.decide(command, s, now, this.context),
    );
  }
}
