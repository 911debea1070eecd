import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiAuth, BureauScope, type BureauScopeValue } from '@yrd/auth';
import { GetCaseCommand, GetCaseUseCase, ListCluesCommand, ListCluesUseCase, type ClueList, type ClueSummary } from '@yrd/intake-feature';
import { ListCasesQuery } from './dto/list-clues.query';

/** Cases (立案) = clues on which the caller's bureau opened a case. */
@ApiTags('cases')
@ApiAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly listClues: ListCluesUseCase,
    private readonly getCase: GetCaseUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List cases opened from clues (own bureau; auditors/admins any via ?bureau=)' })
  @ApiOkResponse({ description: '{ items, nextCursor?, limit }' })
  list(@BureauScope() scope: BureauScopeValue, @Query() q: ListCasesQuery): Promise<ClueList> {
    return this.listClues.execute(
      ListCluesCommand.create({
        scope,
        filters: { status: 'case-opened', urgency: q.urgency, from: q.from, to: q.to },
        limit: q.limit,
        cursor: q.cursor,
      }),
    );
  }

  @Get(':caseNumber')
  // What opening a case accepts (1-100 characters) that the edge's text check lets through: no C0
  // control or noncharacter (the fuzzers generate no lone surrogates).
  @ApiParam({ name: 'caseNumber', required: true, schema: { type: 'string', pattern: '^[^\\u0000-\\u001f\\ufffe\\uffff]{1,100}$' } })
  @ApiOperation({ summary: 'One case by its case number' })
  @ApiNotFoundResponse({ description: 'No such case in the caller’s scope' })
  get(@BureauScope() scope: BureauScopeValue, @Param('caseNumber') caseNumber: string): Promise<ClueSummary> {
    return this.getCase.execute(GetCaseCommand.create({ scope, caseNumber }));
  }
}
