import { Module } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { Actor } from '@yrd/contracts';
import { CLOCK, CLUE_HISTORY, CLUE_STREAMS, clueAggregate, EVENT_METADATA, systemClock, type ClueHistory, type ClueStreams, type MetadataFactory } from './ports/clue-streams';
import { AttachNotarizedEvidenceUseCase } from './usecases/attach-evidence/attach-notarized-evidence.usecase';
import { DeclineCaseUseCase } from './usecases/decline-case/decline-case.usecase';
import { ExtendCheckUseCase } from './usecases/extend-check/extend-check.usecase';
import { GetCaseUseCase } from './usecases/get-case/get-case.usecase';
import { GetClueUseCase } from './usecases/get-clue/get-clue.usecase';
import { ListCluesUseCase } from './usecases/list-clues/list-clues.usecase';
import { OpenCaseUseCase } from './usecases/open-case/open-case.usecase';
import { SubmitClueUseCase } from './usecases/submit-clue/submit-clue.usecase';
import { ClueViewProjection } from './views/clue-view.projection';
import { CLUE_VIEW_READER, CLUE_VIEW_WRITER, MongoClueViewStore } from './views/clue-view.store';

const USE_CASES = [AttachNotarizedEvidenceUseCase, SubmitClueUseCase, OpenCaseUseCase, DeclineCaseUseCase, ExtendCheckUseCase, ListCluesUseCase, GetClueUseCase, GetCaseUseCase];

/**
 * Clue intake: use cases and the clue-view projection. Needs `BackboneModule.forService(...)`
 * (global `EventBackbone`) and the platform's mongoose connection in the importing app.
 */
@Module({
  providers: [
    { provide: CLUE_STREAMS, inject: [EventBackbone], useFactory: (b: EventBackbone): ClueStreams => b.repository(clueAggregate) },
    { provide: CLUE_HISTORY, inject: [EventBackbone], useFactory: (b: EventBackbone): ClueHistory => b.store },
    {
      provide: EVENT_METADATA,
      inject: [EventBackbone],
      useFactory:
        (b: EventBackbone): MetadataFactory =>
        (actor: Actor, now: Date) =>
          b.metadata(actor, null, now),
    },
    { provide: CLOCK, useValue: systemClock },
    MongoClueViewStore,
    { provide: CLUE_VIEW_READER, useExisting: MongoClueViewStore },
    { provide: CLUE_VIEW_WRITER, useExisting: MongoClueViewStore },
    ClueViewProjection,
    ...USE_CASES,
  ],
  exports: [...USE_CASES, ClueViewProjection, CLOCK],
})
export class IntakeFeatureModule {}
