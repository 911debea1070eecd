import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { EventBackbone } from '@yrd/backbone';
import { eventCatalog } from '@yrd/contracts';
import { KAFKA } from '@yrd/platform';
import { KeyMaterial } from '../keys/key-material';
import { SanctionsReadModels } from './read-models';
import { StreamTail } from './stream-tail';

/** The read models of this instance, kept current by a tail of the sanctions topic. */
@Injectable()
export class SanctionsReadModelsHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('SanctionsReadModels');
  readonly models: SanctionsReadModels;
  private readonly tail: StreamTail;

  constructor(@Inject(KAFKA) kafka: Kafka, backbone: EventBackbone, keys: KeyMaterial) {
    this.models = new SanctionsReadModels(keys.registry);
    this.tail = new StreamTail({
      kafka,
      topic: backbone.topics.eventsTopic('sanctions'),
      catalog: eventCatalog,
      groupPrefix: backbone.groupId('sanctions-read-models'),
      apply: (e) => this.models.apply(e),
      onInvalid: (reason, error, offset) => this.log.warn(`skipped an invalid message at offset ${offset}: ${reason} ${error}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Not awaited to the end: the service starts while the tail catches up; `whenCaughtUp()` says when.
    await this.tail.start();
    void this.tail.whenCaughtUp().then(() => this.log.log(`read models caught up (${this.tail.applied} events)`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.tail.stop();
  }

  whenCaughtUp(): Promise<void> {
    return this.tail.whenCaughtUp();
  }

  waitFor(partition: number, offset: string): Promise<void> {
    return this.tail.waitFor(partition, offset);
  }
}
