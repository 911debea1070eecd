import { Body, Controller, Get, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Principal, Roles } from '@yrd/auth';
import { RecognitionsUseCase } from '../recognition/recognitions.usecase';
import { OptionalReasonDto, ReasonDto } from './dto/common.dto';
import { Refusal, RefusalFilter } from './refusal';

const STATUSES = ['queued', 'recognised', 'declined'] as const;

@ApiTags('recognition')
@ApiAuth()
@UseFilters(RefusalFilter)
@Controller('recognitions')
export class RecognitionsController {
  constructor(private readonly recognitions: RecognitionsUseCase) {}

  @Get()
  @ApiOperation({ summary: "A region's recognitions: the review queue (status=queued), recognised and declined decisions of other regions" })
  @ApiQuery({ name: 'region', required: false })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  list(@CurrentPrincipal() me: Principal, @Query('region') region?: string, @Query('status') status?: string) {
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) throw Refusal.badRequest(`status must be one of ${STATUSES.join(', ')}`);
    return this.recognitions.list(me, region, status as (typeof STATUSES)[number] | undefined);
  }

  @Post(':recognitionId/recognise')
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'Recognise a queued decision (a bureau of the region)' })
  recognise(@CurrentPrincipal() me: Principal, @Param('recognitionId') id: string, @Body() body: OptionalReasonDto) {
    return this.recognitions.recognise(me, id, body.reason);
  }

  @Post(':recognitionId/decline')
  @Roles('officer', 'bureau')
  @ApiOperation({ summary: 'Decline a queued decision, with a reason' })
  decline(@CurrentPrincipal() me: Principal, @Param('recognitionId') id: string, @Body() body: ReasonDto) {
    return this.recognitions.decline(me, id, body.reason);
  }
}
