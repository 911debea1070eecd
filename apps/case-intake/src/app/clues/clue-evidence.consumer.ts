import { Injectable } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import { AttachNotarizedEvidenceUseCase } from '@yrd/intake-feature';

/** Kafka adapter: the notary's `evidence.notarized` naming a clue links that evidence to the clue. */
@Injectable()
export class ClueEvidenceConsumer {
  static readonly NAME = 'clue-evidence';

  constructor(backbone: EventBackbone, attach: AttachNotarizedEvidenceUseCase) {
    backbone.consume({
      name: ClueEvidenceConsumer.NAME,
      contexts: ['notary'],
      handler: async (event) => {
        await attach.handle(event);
      },
    });
  }
}
