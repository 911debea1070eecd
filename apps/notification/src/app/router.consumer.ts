import { Injectable } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import { RouteEvent } from '@yrd/notification-feature';

/** Kafka adapter: every event of the routed contexts goes through the router, which only enqueues. */
@Injectable()
export class RouterConsumer {
  static readonly NAME = 'router';

  constructor(backbone: EventBackbone, router: RouteEvent) {
    backbone.consume({
      name: RouterConsumer.NAME,
      contexts: ['intake', 'referral', 'sanctions', 'bulletin', 'audit'],
      handler: async (event) => {
        await router.execute(event);
      },
    });
  }
}
