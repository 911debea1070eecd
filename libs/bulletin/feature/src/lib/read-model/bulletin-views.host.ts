import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { EventBackbone } from '@yrd/backbone';
import { eventCatalog, type EventEnvelope } from '@yrd/contracts';
import { KAFKA } from '@yrd/platform';
import { StreamTail } from '@yrd/sanctions-feature';
import { BulletinViews } from './bulletin-views';

/**
 * This instance's bulletin views, kept current by a tail of the bulletin topic (a group of its own,
 * from the beginning). The backbone provisions the topic with the service's own.
 */
@Injectable()
export class BulletinViewsHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('BulletinViews');
  readonly views = new BulletinViews();
  private readonly tail: StreamTail;
  private caughtUp!: () => void;
  /** Resolves once the topic's events present at start are applied (whoever asks first, before or after start). */
  private readonly ready = new Promise<void>((resolve) => (this.caughtUp = resolve));

  constructor(@Inject(KAFKA) kafka: Kafka, backbone: EventBackbone) {
    backbone.requireTopics(['bulletin']);
    this.tail = new StreamTail({
      kafka,
      topic: backbone.topics.eventsTopic('bulletin'),
      catalog: eventCatalog,
      groupPrefix: backbone.groupId('bulletin-views'),
      apply: (e) => this.views.apply(e),
      onInvalid: (reason, error, offset) => this.log.warn(`skipped an invalid message at offset ${offset}: ${reason} ${error}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.tail.start();
    void this.tail.whenCaughtUp().then(() => {
      this.log.log(`bulletin views caught up (${this.views.size} bulletins)`);
      this.caughtUp();
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.tail.stop();
  }

  /** Applies a command's own events at once (read-your-writes); the tail's copy is then ignored. */
  applyOwn(events: readonly EventEnvelope[]): void {
    for (const e of events) this.views.apply(e);
  }

  whenCaughtUp(): Promise<void> {
    return this.ready;
  }
}
