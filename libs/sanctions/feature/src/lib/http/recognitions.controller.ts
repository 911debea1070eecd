import { Body, Controller, Get, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Principal, Roles } from '@yrd/auth';
import { DELTA_REGIONS } from '@yrd/sanctions-domain';
import { RecognitionsUseCase } from '../recognition/recognitions.usecase';
import { OptionalReasonDto, ReasonDto } from './dto/common.dto';
import { ApiIdParam, RECORD_ID } from './path-params';
import { Refusal, RefusalFilter } from './refusal';

/** `<region>-<decisionId>`: what the use case accepts. */
const RECOGNITION_ID = `^[0-9]{6}-${RECORD_ID.slice(1)}`;

const STATUSES = ['queued', 'recognised', 'declined'] as const;

@ApiTags('recognition')
@ApiAuth()
@UseFilters(RefusalFilter)
@Controller('recognitions')
export class RecognitionsController {
  constructor(private readonly recognitions: RecognitionsUseCase) {}

  @Get()
  @ApiOperation({ summary: "A region's recognitions: the review queue (status=queued), recognised and declined decisions of other regions" })
  @ApiQuery({ name: 'region', required: false, enum: [...DELTA_REGIONS] })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  list(@CurrentPrincipal() me: Principal, @Query('region') region?: string, @Query('status') status?: string) {
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) throw Refusal.badRequest(`status must be one of ${STATUSES.join(', ')}`);
    return this.recognitions.list(me, region, status as (typeof STATUSES)[number] | undefined);
  }

  @Post(':recognitionId/recognise')
  @ApiIdParam('recognitionId', RECOGNITION_ID, '<region>-<decisionId>')
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'Recognise a queued decision (a bureau of the region)' })
  recognise(@CurrentPrincipal() me: Principal, @Param('recognitionId') id: string, @Body() body: OptionalReasonDto) {
    return this.recognitions.recognise(me, id, body.reason);
  }

  @Post(':recognitionId/decline')
  @ApiIdParam('recognitionId', RECOGNITION_ID, '<region>-<decisionId>')
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'Decline a queued decision, with a reason' })
  decline(@CurrentPrincipal() me: Principal, @Param('recognitionId') id: string, @Body() body: ReasonDto) {
    return this.recognitions.decline(me, id, body.reason);
  }
}
