import { Body, Controller, Get, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Principal, Roles } from '@yrd/auth';
import type { CourtJudgment } from '@yrd/sanctions-domain';
import { SanctionsUseCase } from '../sanctions/sanctions.usecase';
import { CheckQuery, CourtJudgmentDto, ListingDto, RepairDto } from './dto/sanctions.dto';
import { plain } from './plain';
import { ApiIdParam, RECORD_ID } from './path-params';
import { Refusal, RefusalFilter } from './refusal';
import { Idempotent } from '@yrd/platform';

const subjectOf = (q: { creditCode?: string; personId?: string }) => {
  if ((q.creditCode === undefined) === (q.personId === undefined)) throw Refusal.invalid('give exactly one of creditCode and personId');
  return q.creditCode ? { creditCode: q.creditCode } : { personId: q.personId };
};

@ApiTags('sanctions')
@ApiAuth()
@UseFilters(RefusalFilter)
@Controller('sanctions')
export class SanctionsController {
  constructor(private readonly sanctions: SanctionsUseCase) {}

  @Get('check')
  @ApiOperation({ summary: 'Licensing interception (自动拦截): banned or not, why, since, until, source decision and region. Audited.' })
  check(@CurrentPrincipal() me: Principal, @Query() q: CheckQuery) {
    return this.sanctions.check(me, subjectOf(q), q.region, q.on);
  }

  @Get()
  @ApiOperation({ summary: 'Every sanction recorded against a subject, lifted ones included' })
  records(@Query() q: CheckQuery) {
    return this.sanctions.records(subjectOf(q));
  }

  @Post('court-judgments')
  @Idempotent()
  @Roles('officer', 'bureau', 'admin')
  @ApiOperation({ summary: 'Report a court judgment; a food-safety crime with fixed-term imprisonment or more bans the person for life' })
  judgment(@CurrentPrincipal() me: Principal, @Body() body: CourtJudgmentDto) {
    return this.sanctions.recordJudgment(me, plain<CourtJudgment>(body));
  }

  @Post('listings')
  @Idempotent()
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'A listing decision: operating abnormality or serious-violation list' })
  listing(@CurrentPrincipal() me: Principal, @Body() body: ListingDto) {
    return this.sanctions.list(me, plain<ListingDto>(body));
  }

  @Post(':sanctionId/repair')
  @ApiIdParam('sanctionId', RECORD_ID)
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'Credit repair (信用修复): ends a list entry in every region; a statutory ban is refused (409, rule)' })
  repair(@CurrentPrincipal() me: Principal, @Param('sanctionId') id: string, @Body() body: RepairDto) {
    return this.sanctions.repair(me, id, body.ref, body.reason, body.liftedOn);
  }
}
