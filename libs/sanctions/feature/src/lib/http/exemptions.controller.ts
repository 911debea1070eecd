import { Body, Controller, Get, Param, ParseIntPipe, Post, UseFilters } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Principal, Roles } from '@yrd/auth';
import { ExemptionListFile, type CaseFacts } from '@yrd/exemption-domain';
import { ExemptionsUseCase } from '../exemption/exemptions.usecase';
import { CaseFactsDto } from './dto/exemption.dto';
import { plain } from './plain';
import { fileSchema } from './file-schema';
import { ApiIdParam, ApiVersionParam, PUBLISHED_ID } from './path-params';
import { Refusal, RefusalFilter } from './refusal';
import { Idempotent } from '@yrd/platform';

@ApiTags('exemptions')
@ApiAuth()
@UseFilters(RefusalFilter)
@Controller()
export class ExemptionsController {
  constructor(private readonly exemptions: ExemptionsUseCase) {}

  @Post('exemptions/evaluate')
  @Roles('officer', 'bureau', 'admin')
  @ApiOperation({ summary: "Evaluate a case's facts against the exemption and no-compulsion lists in force (recorded as exemption.evaluated)" })
  evaluate(@CurrentPrincipal() me: Principal, @Body() body: CaseFactsDto) {
    if ((body.subject.creditCode === undefined) === (body.subject.personId === undefined)) throw Refusal.invalid('subject needs exactly one of creditCode and personId');
    const bad = Object.entries(body.flags ?? {}).find(([, v]) => typeof v !== 'boolean');
    if (bad) throw Refusal.badRequest(`flags.${bad[0]} must be a boolean`);
    return this.exemptions.evaluate(me, plain<CaseFacts>(body));
  }

  @Get('exemption-lists')
  @ApiOperation({ summary: 'Every list with its versions, effective dates and source documents' })
  lists() {
    return this.exemptions.catalogue();
  }

  @Get('exemption-lists/:listId/versions/:version')
  @ApiIdParam('listId', PUBLISHED_ID)
  @ApiVersionParam()
  @ApiOperation({ summary: 'One published list version, as published' })
  version(@Param('listId') listId: string, @Param('version', ParseIntPipe) version: number) {
    return this.exemptions.version(listId, version);
  }

  @Post('exemption-lists')
  @Idempotent()
  @Roles('admin')
  @ApiOperation({ summary: 'Publish a new list version (validated; published versions are never edited; takes effect on effectiveFrom)' })
  @ApiBody({ description: 'A list file (the list schema of @yrd/exemption-domain)', schema: fileSchema(ExemptionListFile) })
  publish(@CurrentPrincipal() me: Principal, @Body() file: Record<string, unknown>) {
    return this.exemptions.publish(me, file);
  }
}
