import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, BureauScope, CurrentPrincipal, Roles, type BureauScopeValue, type Principal } from '@yrd/auth';
import { AssistanceCommands, InboxQueries } from '@yrd/referral-feature';
import { CommandResultDto, IdPipe, InboxQueryDto, RefusalDto } from '../common.dto';
import { AnswerAssistanceDto, ExtensionDto, RequestAssistanceDto } from './assistance.dto';
import { Idempotent } from '@yrd/platform';

/** Assistance requests (协查) sent or received by the caller's bureau. */
@ApiTags('assistance')
@ApiAuth()
@ApiConflictResponse({ type: RefusalDto })
@Controller('assistance')
export class AssistanceController {
  constructor(
    private readonly queries: InboxQueries,
    private readonly commands: AssistanceCommands,
  ) {}

  @Post()
  @Idempotent()
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'Ask another bureau for assistance; 15 working days unless fewer are given' })
  @ApiCreatedResponse({ type: CommandResultDto })
  request(@CurrentPrincipal() me: Principal, @Body() body: RequestAssistanceDto) {
    return this.commands.request(body, me);
  }

  @Get()
  list(@BureauScope() scope: BureauScopeValue, @Query() q: InboxQueryDto) {
    return this.queries.listAssistance({ ...q, scope });
  }

  @Get(':id')
  get(@BureauScope() scope: BureauScopeValue, @Param('id', new IdPipe()) id: string) {
    return this.queries.getAssistance(id, scope);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Roles('officer', 'bureau')
  @ApiOkResponse({ type: CommandResultDto })
  answer(@CurrentPrincipal() me: Principal, @Param('id', new IdPipe()) id: string, @Body() body: AnswerAssistanceDto) {
    return this.commands.answer(id, body, me);
  }

  @Post(':id/extension')
  @HttpCode(200)
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'Notice, before the deadline, that more time is needed (newDueDate or extraWorkingDays)' })
  @ApiOkResponse({ type: CommandResultDto })
  extension(@CurrentPrincipal() me: Principal, @Param('id', new IdPipe()) id: string, @Body() body: ExtensionDto) {
    return this.commands.noticeExtension(id, body, me);
  }
}
