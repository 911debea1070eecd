import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, BureauScope, CurrentPrincipal, Roles, type BureauScopeValue, type Principal } from '@yrd/auth';
import { InboxQueries, ReferralCommands, type ReferralAction } from '@yrd/referral-feature';
import { CommandResultDto, IdPipe, InboxQueryDto, RefusalDto } from '../common.dto';
import { DesignateDto, FeedbackDto, ReferralReasonDto, TransferDto } from './referral.dto';

/** Partner-bureau inbox: referrals (移送) sent or received by the caller's bureau. */
@ApiTags('referrals')
@ApiAuth()
@ApiConflictResponse({ type: RefusalDto, description: 'Not possible now, or against a rule (named in `rule`)' })
@Controller('referrals')
export class ReferralsController {
  constructor(
    private readonly queries: InboxQueries,
    private readonly commands: ReferralCommands,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List referrals, soonest deadline first' })
  list(@BureauScope() scope: BureauScopeValue, @Query() q: InboxQueryDto) {
    return this.queries.listReferrals({ ...q, scope });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A referral with its timeline (the stream’s events and hashes)' })
  get(@BureauScope() scope: BureauScopeValue, @Param('id', new IdPipe()) id: string) {
    return this.queries.getReferral(id, scope);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('officer', 'bureau')
  @ApiOkResponse({ type: CommandResultDto })
  accept(@CurrentPrincipal() me: Principal, @Param('id', new IdPipe()) id: string) {
    return this.run(id, { type: 'accept' }, me);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('officer', 'bureau')
  @ApiOkResponse({ type: CommandResultDto })
  reject(@CurrentPrincipal() me: Principal, @Param('id', new IdPipe()) id: string, @Body() body: ReferralReasonDto) {
    return this.run(id, { type: 'reject', reason: body.reason }, me);
  }

  @Post(':id/dispute')
  @HttpCode(200)
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'Dispute jurisdiction: the common superior or the joint mechanism designates' })
  @ApiOkResponse({ type: CommandResultDto })
  dispute(@CurrentPrincipal() me: Principal, @Param('id', new IdPipe()) id: string, @Body() body: ReferralReasonDto) {
    return this.run(id, { type: 'dispute', reason: body.reason }, me);
  }

  @Post(':id/designate')
  @HttpCode(200)
  @Roles('officer', 'bureau', 'admin')
  @ApiOperation({
    summary: '指定管辖 by the designating authority',
    description:
      'A user of the common superior bureau (its division code) designates; for cross-province disputes ' +
      '(authority YRD-JOINT) an admin designates on behalf of the joint mechanism.',
  })
  @ApiOkResponse({ type: CommandResultDto })
  designate(@CurrentPrincipal() me: Principal, @Param('id', new IdPipe()) id: string, @Body() body: DesignateDto) {
    return this.run(id, { type: 'designate', designatedBureau: body.designatedBureau, ...(body.reason ? { reason: body.reason } : {}) }, me);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'Always refused: 409 RETRANSFER_FORBIDDEN (不得再自行移送) for the receiver' })
  transfer(@CurrentPrincipal() me: Principal, @Param('id', new IdPipe()) id: string, @Body() body: TransferDto) {
    return this.run(id, { type: 'transfer', toBureau: body.toBureau }, me);
  }

  @Post(':id/feedback')
  @HttpCode(200)
  @Roles('officer', 'bureau')
  @ApiOkResponse({ type: CommandResultDto })
  feedback(@CurrentPrincipal() me: Principal, @Param('id', new IdPipe()) id: string, @Body() body: FeedbackDto) {
    return this.run(id, { type: 'feedback', ...body }, me);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('officer', 'bureau')
  @ApiOkResponse({ type: CommandResultDto })
  close(@CurrentPrincipal() me: Principal, @Param('id', new IdPipe()) id: string) {
    return this.run(id, { type: 'close' }, me);
  }

  private run(id: string, action: ReferralAction, me: Principal) {
    return this.commands.execute(id, action, me);
  }
}
