import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, type Principal } from '@yrd/auth';
import { InboxUseCases } from '@yrd/notification-feature';
import { InboxEntryView, InboxPage, InboxQuery } from '../dto/inbox.dto';

/** The caller's in-app inbox: entries for their bureau and for them, newest first. */
@ApiTags('inbox')
@ApiAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxUseCases) {}

  @Get()
  @ApiOkResponse({ type: InboxPage })
  list(@CurrentPrincipal() me: Principal, @Query() q: InboxQuery) {
    return this.inbox.list(me, { unreadOnly: q.unread, limit: q.limit, before: q.before });
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InboxEntryView })
  @ApiNotFoundResponse()
  read(@CurrentPrincipal() me: Principal, @Param('id') id: string) {
    return this.inbox.mark(me, id, true);
  }

  @Post(':id/unread')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InboxEntryView })
  @ApiNotFoundResponse()
  unread(@CurrentPrincipal() me: Principal, @Param('id') id: string) {
    return this.inbox.mark(me, id, false);
  }
}
