import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { EventBackbone } from '@yrd/backbone';
import { provisionTopics, topicSettingsFromEnv } from '@yrd/messaging';
import { KAFKA } from '@yrd/platform';

/**
 * Makes sure the sanctions topic and its DLQ exist before the consumers, the relay and the
 * read-model tail start (all of which run after every onModuleInit), whatever contexts the
 * importing app gave its BackboneModule.
 */
@Injectable()
export class SanctionsTopics implements OnModuleInit {
  private readonly log = new Logger('SanctionsTopics');

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly backbone: EventBackbone,
  ) {}

  async onModuleInit(): Promise<void> {
    const created = await provisionTopics(this.kafka, this.backbone.topics.all(['sanctions']), topicSettingsFromEnv());
    if (created.length > 0) this.log.log(`created topics ${created.join(', ')}`);
  }
}
