import { Inject, Injectable } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { Principal } from '@yrd/auth';
import type { IsoDate } from '@yrd/calendar';
import { Assistance, DomainContext, refuse } from '@yrd/referral-domain';
import { DOMAIN_CONTEXT } from '../domain-context';
import { Repositories } from '../repositories';
import { assistanceStream, newId } from '../streams';
import { actorOf, CommandResult, runCommand } from './command-runner';

type State = Assistance.AssistanceState;

export interface RequestAssistanceInput {
  requestedBureau: string;
  questions: string[];
  caseRef?: string;
  workingDays?: number;
}

export interface ExtensionInput {
  /** Either a new last day… */
  newDueDate?: IsoDate;
  /** …or this many working days after the current due date. */
  extraWorkingDays?: number;
  reason: string;
}

/** 协查: the requesting bureau is the caller's; answers and extension notices are the requested bureau's. */
@Injectable()
export class AssistanceCommands {
  constructor(
    private readonly backbone: EventBackbone,
    private readonly repos: Repositories,
    @Inject(DOMAIN_CONTEXT) private readonly context: DomainContext,
  ) {}

  request(input: RequestAssistanceInput, principal: Principal, now = new Date()): Promise<CommandResult<State>> {
    const assistanceId = newId();
    const command: Assistance.RequestAssistance = {
      type: 'RequestAssistance',
      data: { assistanceId, requestingBureau: principal.bureau, ...input },
    };
    return runCommand(
      this.backbone,
      this.repos.assistance,
      { id: assistanceId, streamId: assistanceStream(assistanceId), create: true },
      actorOf(principal),
      (s) => Assistance.decide(command, s, now, this.context),
    );
  }

  answer(
    assistanceId: string,
    input: { findings: Assistance.Finding[]; attachmentRefs: string[] },
    principal: Principal,
    now = new Date(),
  ): Promise<CommandResult<State>> {
    return this.run(assistanceId, principal, (s) =>
      Assistance.decide({ type: 'AnswerAssistance', data: { by: principal.bureau, ...input } }, s, now, this.context),
    );
  }

  noticeExtension(assistanceId: string, input: ExtensionInput, principal: Principal, now = new Date()): Promise<CommandResult<State>> {
    return this.run(assistanceId, principal, (s) => {
      if ((input.newDueDate === undefined) === (input.extraWorkingDays === undefined)) {
        return refuse('INVALID_COMMAND', 'give either newDueDate or extraWorkingDays');
      }
      let newDueDate = input.newDueDate;
      if (newDueDate === undefined && s.status !== 'none') {
        newDueDate = this.context.calendar.addWorkingDays(s.deadline.dueDate, input.extraWorkingDays ?? 0).date;
      }
      return Assistance.decide(
        { type: 'NoticeExtension', data: { by: principal.bureau, newDueDate: newDueDate ?? '', reason: input.reason } },
        s,
        now,
        this.context,
      );
    });
  }

  private run(
    assistanceId: string,
    principal: Principal,
    decide: (s: State) => ReturnType<typeof Assistance.decide>,
  ): Promise<CommandResult<State>> {
    return runCommand(
      this.backbone,
      this.repos.assistance,
      { id: assistanceId, streamId: assistanceStream(assistanceId) },
      actorOf(principal),
      decide,
    );
  }
}
