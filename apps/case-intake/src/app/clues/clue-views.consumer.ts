import { Injectable } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import { ClueViewProjection } from '@yrd/intake-feature';

/** Kafka adapter: feeds clue events ('intake') and referral events ('referral') to the clue-view projection. */
@Injectable()
export class ClueViewsConsumer {
  static readonly NAME = 'clue-views';

  constructor(backbone: EventBackbone, projection: ClueViewProjection) {
    backbone.consume({
      name: ClueViewsConsumer.NAME,
      contexts: ['intake', 'referral'],
      handler: async (event) => {
        await projection.handle(event);
      },
    });
  }
}
