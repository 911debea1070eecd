import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiAuth, BureauScope, CurrentPrincipal, Roles, type BureauScopeValue, type Principal } from '@yrd/auth';
import {
  DeclineCaseCommand,
  DeclineCaseUseCase,
  ExtendCheckCommand,
  ExtendCheckUseCase,
  GetClueCommand,
  GetClueUseCase,
  ListCluesCommand,
  ListCluesUseCase,
  OpenCaseCommand,
  OpenCaseUseCase,
  SubmitClueCommand,
  SubmitClueUseCase,
  type ClueDetail,
  type ClueList,
  type DeclineCaseResult,
  type ExtendCheckResult,
  type OpenCaseResult,
  type SubmitClueResult,
} from '@yrd/intake-feature';
import { actorOf } from './actor';
import { DeclineCaseDto, ExtendCheckDto, OpenCaseDto, SubmitClueDto } from './dto/submit-clue.dto';
import { ListCluesQuery } from './dto/list-clues.query';
import { Idempotent } from '@yrd/platform';

/** Clue ids are UUIDv7: anything else cannot name a clue. */
const ClueIdParam = (): MethodDecorator =>
  ApiParam({ name: 'id', required: true, schema: { type: 'string', format: 'uuid', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' } });

/**
 * Clues (线索) of the caller's bureau. Writes: officers of the clue's own bureau only. A clue of
 * another bureau answers 404 exactly like one that does not exist (no existence leak).
 * Refusals: `{ statusCode, error: <domain code>, message, rule? }` — 400 invalid, 404, 409
 * conflict with the clue's state, 422 a legal rule (named in `rule`).
 */
@ApiTags('clues')
@ApiAuth()
@Controller('clues')
export class CluesController {
  constructor(
    private readonly submitClue: SubmitClueUseCase,
    private readonly openCase: OpenCaseUseCase,
    private readonly declineCase: DeclineCaseUseCase,
    private readonly extendCheck: ExtendCheckUseCase,
    private readonly listClues: ListCluesUseCase,
    private readonly getClue: GetClueUseCase,
  ) {}

  @Post()
  @Idempotent()
  @Roles('officer')
  @ApiOperation({ summary: 'Submit a clue; it is routed to the competent bureau or kept for checking here' })
  @ApiCreatedResponse({ description: 'clueId and routing: referred to a bureau (with the basis) or kept locally with its check deadline' })
  @ApiBadRequestResponse({ description: 'Invalid input, naming the field (e.g. subject.creditCode and its check character)' })
  submit(@CurrentPrincipal() me: Principal, @Body() dto: SubmitClueDto): Promise<SubmitClueResult> {
    return this.submitClue.execute(
      SubmitClueCommand.create(actorOf(me), {
        subject: dto.subject,
        allegedViolation: dto.allegedViolation,
        facts: dto.facts,
        place: dto.place,
        suggestedTarget: dto.suggestedTarget,
        evidenceRefs: dto.evidenceRefs ?? [],
        urgency: dto.urgency ?? 'normal',
        discoveredOn: dto.discoveredOn,
      }),
    );
  }

  @Get()
  @ApiOperation({ summary: 'List clues (own bureau; auditors/admins any via ?bureau=), newest first, cursor-paginated' })
  @ApiOkResponse({ description: '{ items, nextCursor?, limit }; each item has its check deadline with working days left and overdue' })
  list(@BureauScope() scope: BureauScopeValue, @Query() q: ListCluesQuery): Promise<ClueList> {
    return this.listClues.execute(
      ListCluesCommand.create({
        scope,
        filters: { status: q.status, urgency: q.urgency, referred: q.referred, overdue: q.overdue, from: q.from, to: q.to },
        limit: q.limit,
        cursor: q.cursor,
      }),
    );
  }

  @Get(':id')
  @ClueIdParam()
  @ApiOperation({ summary: 'One clue with its timeline (events from the store of record, with hashes) and referral status' })
  @ApiNotFoundResponse({ description: 'No such clue in the caller’s scope' })
  get(@BureauScope() scope: BureauScopeValue, @Param('id') id: string): Promise<ClueDetail> {
    return this.getClue.execute(GetClueCommand.create({ scope, clueId: id }));
  }

  @Post(':id/case')
  @ClueIdParam()
  @Roles('officer')
  @ApiOperation({ summary: 'Open a case (立案) on a clue being checked by the caller’s bureau' })
  @ApiCreatedResponse({ description: 'The case was opened' })
  @ApiNotFoundResponse({ description: 'No such clue in the caller’s bureau' })
  @ApiConflictResponse({ description: 'Already decided, or referred to another bureau' })
  @ApiUnprocessableEntityResponse({ description: 'A rule refuses it (named in `rule`)' })
  open(@CurrentPrincipal() me: Principal, @Param('id') id: string, @Body() dto: OpenCaseDto): Promise<OpenCaseResult> {
    return this.openCase.execute(OpenCaseCommand.create({ actor: actorOf(me), clueId: id, ...dto }));
  }

  @Post(':id/decline')
  @ClueIdParam()
  @Roles('officer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decide not to open a case (不予立案), with a reason and approval' })
  @ApiOkResponse({ description: 'Recorded' })
  @ApiNotFoundResponse({ description: 'No such clue in the caller’s bureau' })
  @ApiConflictResponse({ description: 'Already decided, or referred to another bureau' })
  decline(@CurrentPrincipal() me: Principal, @Param('id') id: string, @Body() dto: DeclineCaseDto): Promise<DeclineCaseResult> {
    return this.declineCase.execute(DeclineCaseCommand.create({ actor: actorOf(me), clueId: id, ...dto }));
  }

  @Post(':id/extension')
  @ClueIdParam()
  @Roles('officer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Extend the check period once by 15 working days, with approval, before it ends' })
  @ApiOkResponse({ description: 'The new check deadline' })
  @ApiNotFoundResponse({ description: 'No such clue in the caller’s bureau' })
  @ApiUnprocessableEntityResponse({ description: 'EXTENSION_ALREADY_USED or EXTENSION_AFTER_DEADLINE, rule CLUE_CHECK_DEADLINE (第十八条)' })
  extend(@CurrentPrincipal() me: Principal, @Param('id') id: string, @Body() dto: ExtendCheckDto): Promise<ExtendCheckResult> {
    return this.extendCheck.execute(ExtendCheckCommand.create({ actor: actorOf(me), clueId: id, ...dto }));
  }
}
