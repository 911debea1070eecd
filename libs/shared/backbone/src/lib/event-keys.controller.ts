import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@yrd/auth';
import type { PublishedKey } from '@yrd/event-log';
import { EventBackbone } from './event-backbone';

@ApiTags('event-keys')
@Controller()
export class EventKeysController {
  constructor(private readonly backbone: EventBackbone) {}

  @Get(['event-keys', '.well-known/event-keys'])
  @Public()
  @ApiOperation({
    summary:
      "The published keyring: every service's Ed25519 public keys (PEM) that sign events, with validFrom/retiredAt, and this service's current key id",
  })
  async keys(): Promise<{ service: string; currentKeyId: string; keys: PublishedKey[] }> {
    return { service: this.backbone.service, currentKeyId: this.backbone.signer.keyId, keys: await this.backbone.publishedKeys() };
  }
}
