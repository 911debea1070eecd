import { Body, Controller, Get, Param, Post, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Principal, Roles } from '@yrd/auth';
import type { PenaltyDecisionContent } from '@yrd/sanctions-domain';
import type { DiscretionClaim } from '../discretion/discretion.usecase';
import { PenaltyDecisionsUseCase } from '../decisions/penalty-decisions.usecase';
import { CorrectDecisionDto, PenaltyDecisionDto, RevokeDecisionDto } from './dto/penalty-decision.dto';
import { plain } from './plain';
import { ApiIdParam, RECORD_ID } from './path-params';
import { RefusalFilter } from './refusal';
import { Idempotent } from '@yrd/platform';

const content = (dto: PenaltyDecisionDto): PenaltyDecisionContent => {
  const { discretion: _claim, ...rest } = plain<PenaltyDecisionDto>(dto);
  return rest as unknown as PenaltyDecisionContent;
};
const claim = (dto: PenaltyDecisionDto): DiscretionClaim | undefined => (dto.discretion ? plain<DiscretionClaim>(dto.discretion) : undefined);

@ApiTags('penalty-decisions')
@ApiAuth()
@UseFilters(RefusalFilter)
@Controller('penalty-decisions')
export class PenaltyDecisionsController {
  constructor(private readonly decisions: PenaltyDecisionsUseCase) {}

  @Post()
  @Idempotent()
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: "Record a penalty decision of the caller's bureau, signed with the bureau's key" })
  record(@CurrentPrincipal() me: Principal, @Body() body: PenaltyDecisionDto) {
    return this.decisions.record(me, content(body), claim(body));
  }

  @Post(':decisionId/corrections')
  @ApiIdParam('decisionId', RECORD_ID)
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'Correct a decision (signed again, next revision)' })
  correct(@CurrentPrincipal() me: Principal, @Param('decisionId') id: string, @Body() body: CorrectDecisionDto) {
    return this.decisions.correct(me, id, content(body.decision), body.reason, claim(body.decision));
  }

  @Post(':decisionId/revocation')
  @ApiIdParam('decisionId', RECORD_ID)
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'Revoke a decision (signed); it stops counting everywhere and its sanctions are lifted' })
  revoke(@CurrentPrincipal() me: Principal, @Param('decisionId') id: string, @Body() body: RevokeDecisionDto) {
    return this.decisions.revoke(me, id, body.reason, body.revokedOn);
  }

  @Get(':decisionId')
  @ApiIdParam('decisionId', RECORD_ID)
  @ApiOperation({
    summary: 'A verified decision (any region), with its latest revision',
    description: "Natural persons' id numbers are masked (330421********1234) unless the caller is the issuing bureau; `personalData` says which.",
  })
  get(@CurrentPrincipal() me: Principal, @Param('decisionId') id: string) {
    return this.decisions.get(me, id);
  }
}
