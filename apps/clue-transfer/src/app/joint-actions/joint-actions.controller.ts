import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, BureauScope, CurrentPrincipal, Roles, type BureauScopeValue, type Principal } from '@yrd/auth';
import { InboxQueries, JointActionCommands } from '@yrd/referral-feature';
import { CommandResultDto, IdPipe, RefusalDto } from '../common.dto';
import { CloseJointActionDto, CompleteTaskDto, CreateJointActionDto, JointActionListQueryDto } from './joint-action.dto';
import { Idempotent } from '@yrd/platform';

/** Joint enforcement campaigns (联合执法) the caller's bureau leads or has tasks in. */
@ApiTags('joint-actions')
@ApiAuth()
@ApiConflictResponse({ type: RefusalDto })
@Controller('joint-actions')
export class JointActionsController {
  constructor(
    private readonly queries: InboxQueries,
    private readonly commands: JointActionCommands,
  ) {}

  @Post()
  @Idempotent()
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'Create a campaign led by the caller’s bureau' })
  @ApiCreatedResponse({ type: CommandResultDto })
  create(@CurrentPrincipal() me: Principal, @Body() body: CreateJointActionDto) {
    return this.commands.create(body, me);
  }

  @Get()
  list(@BureauScope() scope: BureauScopeValue, @Query() q: JointActionListQueryDto) {
    return this.queries.listJointActions({ status: q.status, limit: q.limit, scope });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A campaign with its tasks and progress' })
  get(@BureauScope() scope: BureauScopeValue, @Param('id', new IdPipe()) id: string) {
    return this.queries.getJointAction(id, scope);
  }

  @Post(':id/tasks/:taskId/start')
  @HttpCode(200)
  @Roles('officer', 'bureau')
  @ApiOkResponse({ type: CommandResultDto })
  start(@CurrentPrincipal() me: Principal, @Param('id', new IdPipe()) id: string, @Param('taskId', new IdPipe('taskId')) taskId: string) {
    return this.commands.startTask(id, taskId, me);
  }

  @Post(':id/tasks/:taskId/complete')
  @HttpCode(200)
  @Roles('officer', 'bureau')
  @ApiOkResponse({ type: CommandResultDto })
  complete(
    @CurrentPrincipal() me: Principal,
    @Param('id', new IdPipe()) id: string,
    @Param('taskId', new IdPipe('taskId')) taskId: string,
    @Body() body: CompleteTaskDto,
  ) {
    return this.commands.completeTask(id, taskId, body.result, me);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('officer', 'bureau')
  @ApiOkResponse({ type: CommandResultDto })
  close(@CurrentPrincipal() me: Principal, @Param('id', new IdPipe()) id: string, @Body() body: CloseJointActionDto) {
    return this.commands.close(id, body.summary, me);
  }
}
