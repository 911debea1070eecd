import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@yrd/auth';
import { EmailContactsUseCases } from '@yrd/notification-feature';
import { AddEmailContactDto, EmailContactView } from '../dto/email-contact.dto';
import { BureauQuery } from '../dto/webhook.dto';
import { Idempotent } from '@yrd/platform';

/** Mailboxes that receive notification email: the bureau's shared one and its officers'. */
@ApiTags('email-contacts')
@ApiAuth()
@Roles('bureau', 'admin')
@Controller('email-contacts')
export class EmailContactsController {
  constructor(private readonly contacts: EmailContactsUseCases) {}

  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: EmailContactView })
  @ApiBadRequestResponse({ description: 'Not an email address, unknown bureau' })
  add(@CurrentPrincipal() me: Principal, @Body() body: AddEmailContactDto) {
    return this.contacts.add(me, body);
  }

  @Get()
  @ApiOkResponse({ type: [EmailContactView] })
  list(@CurrentPrincipal() me: Principal, @Query() q: BureauQuery) {
    return this.contacts.list(me, q.bureau);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async remove(@CurrentPrincipal() me: Principal, @Param('id') id: string): Promise<void> {
    await this.contacts.remove(me, id);
  }
}
