import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@yrd/auth';
import { OperationsUseCases } from '@yrd/notification-feature';
import { FailedQuery, PreviewDto } from '../dto/admin.dto';

/** Operators: metrics, failed deliveries and manual retry, rule preview. Dashboard: /admin/queues. */
@ApiTags('admin')
@ApiAuth()
@Roles('admin')
@Controller('admin/notifications')
export class AdminController {
  constructor(private readonly ops: OperationsUseCases) {}

  @Get('metrics')
  @ApiOperation({ summary: 'Per channel: queued now, sent, failed, retried, rate-limited, latency percentiles (queue → delivered)' })
  metrics() {
    return this.ops.metricsSnapshot();
  }

  @Get('failed')
  @ApiOperation({ summary: 'Deliveries that ran out of attempts or were refused' })
  failed(@Query() q: FailedQuery) {
    return this.ops.failed(q.channel, q.limit ?? 50);
  }

  @Post('failed/:deliveryId/retry')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Retry a failed delivery with fresh attempts (records notification.retry-requested)' })
  @ApiOkResponse()
  @ApiConflictResponse({ description: 'The delivery is not in the failed state' })
  retry(@CurrentPrincipal() me: Principal, @Param('deliveryId') deliveryId: string) {
    return this.ops.retry(me, deliveryId);
  }

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Dry run of the routing rules for an event: recipients, channels, rendered zh/en text; nothing is queued' })
  @ApiBadRequestResponse({ description: 'Unknown event type or invalid payload' })
  @ApiUnprocessableEntityResponse({ description: 'A template cannot be rendered from this event' })
  preview(@Body() body: PreviewDto) {
    return this.ops.preview(body);
  }
}
