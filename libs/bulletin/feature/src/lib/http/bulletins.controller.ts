import { Body, Controller, Get, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@yrd/auth';
import type { Bulletin } from '@yrd/bulletin-domain';
import { plain, RefusalFilter } from '@yrd/sanctions-feature';
import { BulletinsUseCase } from '../bulletins.usecase';
import { BulletinContentDto, CorrectBulletinDto, ProposeBulletinDto, BulletinReasonDto, SearchBulletinsDto } from './bulletin.dto';
import { Idempotent } from '@yrd/platform';

/** The DTO as domain content: plain data, and `regions` only on an audience of regions. */
export function contentOf(dto: BulletinContentDto): Bulletin.Content {
  const c = plain<BulletinContentDto>(dto);
  const audience: Bulletin.Audience = c.audience.kind === 'regions' ? { kind: 'regions', regions: c.audience.regions ?? [] } : { kind: c.audience.kind };
  return { ...c, audience };
}

@ApiTags('bulletins')
@ApiAuth()
@UseFilters(RefusalFilter)
@Controller('bulletins')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinsUseCase) {}

  @Post()
  @Idempotent()
  @Roles('bureau')
  @ApiOperation({ summary: "Propose a bulletin as the caller's bureau (signed); published once every co-issuer has co-signed" })
  propose(@CurrentPrincipal() me: Principal, @Body() body: ProposeBulletinDto) {
    return this.bulletins.propose(me, body.coIssuers, contentOf(body.content));
  }

  @Get()
  @ApiOperation({ summary: 'Search the bulletins the caller may read, by kind, status, category, industry, region and period' })
  search(@CurrentPrincipal() me: Principal, @Query() q: SearchBulletinsDto) {
    return this.bulletins.search(me, plain(q));
  }

  @Get('overdue-acknowledgements')
  @ApiOperation({ summary: 'Published bulletins with audience bureaus that have not read them after the deadline (N working days)' })
  overdue(@CurrentPrincipal() me: Principal) {
    return this.bulletins.overdue(me);
  }

  @Get(':bulletinId')
  @ApiOperation({ summary: 'The internal copy of a bulletin (personal data unmasked), with its revisions, signatures and acknowledgements' })
  get(@CurrentPrincipal() me: Principal, @Param('bulletinId') id: string) {
    return this.bulletins.get(me, id);
  }

  @Get(':bulletinId/acknowledgements')
  @ApiOperation({ summary: 'Who in the audience has read the bulletin, who has not, and the deadline' })
  acknowledgements(@CurrentPrincipal() me: Principal, @Param('bulletinId') id: string) {
    return this.bulletins.acknowledgements(me, id);
  }

  @Get(':bulletinId/verification')
  @ApiOperation({ summary: "Every bureau's signature checked against the key registry, every revision's hash against its content" })
  verify(@CurrentPrincipal() me: Principal, @Param('bulletinId') id: string) {
    return this.bulletins.verify(me, id);
  }

  @Post(':bulletinId/cosignature')
  @Roles('bureau')
  @ApiOperation({ summary: "Co-sign the draft as a co-issuing region (signed with the bureau's key)" })
  cosign(@CurrentPrincipal() me: Principal, @Param('bulletinId') id: string) {
    return this.bulletins.cosign(me, id);
  }

  @Post(':bulletinId/refusal')
  @Roles('bureau')
  @ApiOperation({ summary: 'Refuse the draft with a reason (signed); it is not published' })
  refuse(@CurrentPrincipal() me: Principal, @Param('bulletinId') id: string, @Body() body: BulletinReasonDto) {
    return this.bulletins.refuse(me, id, body.reason);
  }

  @Post(':bulletinId/corrections')
  @Roles('bureau')
  @ApiOperation({ summary: 'Correct a published bulletin (issuer only, with a reason): a new revision, sent to the same audience' })
  correct(@CurrentPrincipal() me: Principal, @Param('bulletinId') id: string, @Body() body: CorrectBulletinDto) {
    return this.bulletins.correct(me, id, contentOf(body.content), body.reason);
  }

  @Post(':bulletinId/withdrawal')
  @Roles('bureau')
  @ApiOperation({ summary: 'Withdraw a published bulletin (issuer only, with a reason); every audience bureau is told' })
  withdraw(@CurrentPrincipal() me: Principal, @Param('bulletinId') id: string, @Body() body: BulletinReasonDto) {
    return this.bulletins.withdraw(me, id, body.reason);
  }

  @Post(':bulletinId/acknowledgement')
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: "Record that the caller's bureau has read the bulletin (once per bureau)" })
  acknowledge(@CurrentPrincipal() me: Principal, @Param('bulletinId') id: string) {
    return this.bulletins.acknowledge(me, id);
  }
}
