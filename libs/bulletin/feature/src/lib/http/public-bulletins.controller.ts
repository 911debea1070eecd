import { Controller, Get, Header, Inject, Param, Query, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@yrd/auth';
import { Refusal, RefusalFilter } from '@yrd/sanctions-feature';
import { BULLETIN_CONFIG, type BulletinConfig } from '../bulletin-config';
import { BulletinViewsHost } from '../read-model/bulletin-views.host';
import { atomFeed } from './atom-feed';
import { FeedQueryDto } from './bulletin.dto';

/**
 * The read-only public feed of bulletins whose audience is the public: JSON and Atom, with natural
 * persons' names and id numbers masked. No token; the internal copy is never served here.
 */
@ApiTags('public')
@UseFilters(RefusalFilter)
@Controller('public')
export class PublicBulletinsController {
  private atomMemo?: { changeCount: number; limit: number; xml: string };

  constructor(
    private readonly host: BulletinViewsHost,
    @Inject(BULLETIN_CONFIG) private readonly config: BulletinConfig,
  ) {}

  @Get('bulletins')
  @Public()
  @ApiOperation({ summary: 'Public bulletins, newest first (JSON; personal data masked)' })
  list(@Query() q: FeedQueryDto) {
    return { bulletins: this.host.views.publicFeed(q.limit ?? 50) };
  }

  @Get('bulletins.atom')
  @Public()
  @Header('content-type', 'application/atom+xml; charset=utf-8')
  @ApiOperation({ summary: 'Public bulletins as an Atom 1.0 feed (personal data masked)' })
  atom(@Query() q: FeedQueryDto) {
    const limit = q.limit ?? 50;
    const changeCount = this.host.views.changeCount;
    if (this.atomMemo?.changeCount !== changeCount || this.atomMemo.limit !== limit) {
      this.atomMemo = { changeCount, limit, xml: atomFeed(this.host.views.publicFeed(limit), this.config.publicBaseUrl) };
    }
    return this.atomMemo.xml;
  }

  @Get('bulletins/:bulletinId')
  @Public()
  @ApiOperation({ summary: 'One public bulletin (personal data masked)' })
  one(@Param('bulletinId') id: string) {
    const b = this.host.views.publicOne(id);
    if (!b) throw Refusal.notFound(`no public bulletin ${id}`);
    return b;
  }
}
