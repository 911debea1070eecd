import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@yrd/auth';
import { WebhookEndpointsUseCases } from '@yrd/notification-feature';
import { BureauQuery, RegisterWebhookDto, RotateSecretDto, WebhookEndpointView, WebhookEndpointWithSecret } from '../dto/webhook.dto';
import { Idempotent } from '@yrd/platform';

/** Webhook endpoints of the caller's bureau (admins: any bureau). Signing: docs/notification-webhooks.md. */
@ApiTags('webhooks')
@ApiAuth()
@Roles('bureau', 'admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly endpoints: WebhookEndpointsUseCases) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Register an endpoint; the response carries its signing secret, once' })
  @ApiCreatedResponse({ type: WebhookEndpointWithSecret })
  @ApiBadRequestResponse({ description: 'Malformed URL, not https in production, unknown bureau' })
  register(@CurrentPrincipal() me: Principal, @Body() body: RegisterWebhookDto) {
    return this.endpoints.register({ principal: me, url: body.url, description: body.description, bureau: body.bureau });
  }

  @Get()
  @ApiOkResponse({ type: [WebhookEndpointView] })
  list(@CurrentPrincipal() me: Principal, @Query() q: BureauQuery) {
    return this.endpoints.list(me, q.bureau);
  }

  @Post(':id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'New signing secret; the previous ones keep signing during the overlap' })
  @ApiOkResponse({ type: WebhookEndpointWithSecret })
  @ApiNotFoundResponse()
  rotate(@CurrentPrincipal() me: Principal, @Param('id') id: string, @Body() body: RotateSecretDto) {
    return this.endpoints.rotateSecret(me, id, body.overlapHours);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async remove(@CurrentPrincipal() me: Principal, @Param('id') id: string): Promise<void> {
    await this.endpoints.remove(me, id);
  }
}
