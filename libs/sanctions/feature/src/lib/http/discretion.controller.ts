import { Body, Controller, Get, Param, ParseIntPipe, Post, UseFilters } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Principal, Roles } from '@yrd/auth';
import { DiscretionStandardFile } from '@yrd/discretion-domain';
import type { CaseFacts } from '@yrd/exemption-domain';
import { DiscretionUseCase } from '../discretion/discretion.usecase';
import { SuggestDto } from './dto/discretion.dto';
import { CaseFactsDto } from './dto/exemption.dto';
import { plain } from './plain';
import { fileSchema } from './file-schema';
import { ApiIdParam, ApiVersionParam, PUBLISHED_ID } from './path-params';
import { Refusal, RefusalFilter } from './refusal';
import { Idempotent } from '@yrd/platform';

/** What class-validator cannot say about a case's facts. */
export function checkFacts(facts: CaseFactsDto, at = 'facts'): void {
  if ((facts.subject.creditCode === undefined) === (facts.subject.personId === undefined)) throw Refusal.invalid(`${at}.subject needs exactly one of creditCode and personId`);
  const bad = Object.entries(facts.flags ?? {}).find(([, v]) => typeof v !== 'boolean');
  if (bad) throw Refusal.badRequest(`${at}.flags.${bad[0]} must be a boolean`);
}

@ApiTags('discretion')
@ApiAuth()
@UseFilters(RefusalFilter)
@Controller()
export class DiscretionController {
  constructor(private readonly discretion: DiscretionUseCase) {}

  @Post('discretion/suggest')
  @Roles('officer', 'bureau', 'admin')
  @ApiOperation({ summary: 'The suggested penalty for a case: exemption first, else the band of the standard in force with its range, each circumstance met or not' })
  suggest(@Body() body: SuggestDto) {
    checkFacts(body.facts);
    return this.discretion.suggest(plain<CaseFacts>(body.facts), body.standardId);
  }

  @Get('discretion/departures')
  @Roles('auditor', 'admin', 'bureau')
  @ApiOperation({ summary: 'Decisions that departed from the suggested range with a justification (flagged to 法制审核 and auditors)' })
  departures(@CurrentPrincipal() me: Principal) {
    return this.discretion.departures(me);
  }

  @Get('discretion-standards')
  @ApiOperation({ summary: 'Every discretion standard with its versions, effective dates and sources' })
  standards() {
    return this.discretion.catalogue();
  }

  @Get('discretion-standards/:standardId')
  @ApiIdParam('standardId', PUBLISHED_ID)
  @ApiOperation({ summary: 'One standard: summary and every published version in full' })
  standard(@Param('standardId') id: string) {
    return this.discretion.standard(id);
  }

  @Get('discretion-standards/:standardId/versions/:version')
  @ApiIdParam('standardId', PUBLISHED_ID)
  @ApiVersionParam()
  @ApiOperation({ summary: 'One published version, as published' })
  version(@Param('standardId') id: string, @Param('version', ParseIntPipe) version: number) {
    return this.discretion.version(id, version);
  }

  @Post('discretion-standards')
  @Idempotent()
  @Roles('admin')
  @ApiOperation({ summary: 'Publish a new version of a standard (validated; never edited; takes effect on effectiveFrom, never retroactively)' })
  @ApiBody({ description: 'A standard file (the standard schema of @yrd/discretion-domain)', schema: fileSchema(DiscretionStandardFile) })
  publish(@CurrentPrincipal() me: Principal, @Body() file: Record<string, unknown>) {
    return this.discretion.publish(me, file);
  }
}
