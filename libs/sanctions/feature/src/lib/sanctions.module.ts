import { Module } from '@nestjs/common';
import { SANCTIONS_CONFIG, SanctionsConfig, sanctionsConfigFrom } from './config/sanctions-config';
import { PenaltyDecisionsUseCase } from './decisions/penalty-decisions.usecase';
import { DiscretionUseCase } from './discretion/discretion.usecase';
import { ExemptionsUseCase } from './exemption/exemptions.usecase';
import { DiscretionController } from './http/discretion.controller';
import { ExemptionsController } from './http/exemptions.controller';
import { PenaltyDecisionsController } from './http/penalty-decisions.controller';
import { RecognitionsController } from './http/recognitions.controller';
import { SanctionsController } from './http/sanctions.controller';
import { KeyMaterial, recognitionPolicies } from './keys/key-material';
import { SanctionsReadModelsHost } from './read-models/sanctions-read-models.provider';
import { DecisionRecognitionConsumer } from './recognition/decision-recognition.consumer';
import { RecognitionsUseCase } from './recognition/recognitions.usecase';
import { CheckLog } from './sanctions/check-log';
import { SanctionsUseCase } from './sanctions/sanctions.usecase';
import { RECOGNITION_POLICIES } from './sanctions.tokens';
import { SanctionsStreams } from './streams';

/**
 * What both halves share: configuration (env, validated at start), the bureau keys, the
 * repositories on the service's commit store, and this instance's in-memory read models.
 * Needs `PlatformModule`, `AuthModule.forRoot()` and `BackboneModule.forService(...)` in the importing
 * app; it requires the sanctions topic of the backbone, so the app's backbone contexts need not list it.
 */
@Module({
  providers: [
    { provide: SANCTIONS_CONFIG, useFactory: (): SanctionsConfig => sanctionsConfigFrom(process.env) },
    { provide: KeyMaterial, inject: [SANCTIONS_CONFIG], useFactory: (c: SanctionsConfig) => new KeyMaterial(c) },
    { provide: RECOGNITION_POLICIES, inject: [SANCTIONS_CONFIG], useFactory: recognitionPolicies },
    SanctionsStreams,
    SanctionsReadModelsHost,
  ],
  exports: [SANCTIONS_CONFIG, KeyMaterial, RECOGNITION_POLICIES, SanctionsStreams, SanctionsReadModelsHost],
})
export class SanctionsCoreModule {}

/** For case-intake: penalty decisions (record/correct/revoke, signed, weighed against the discretion standards), the exemption lists and evaluation, the discretion standards and suggestions. */
@Module({
  imports: [SanctionsCoreModule],
  controllers: [PenaltyDecisionsController, ExemptionsController, DiscretionController],
  providers: [PenaltyDecisionsUseCase, ExemptionsUseCase, DiscretionUseCase],
  exports: [PenaltyDecisionsUseCase, ExemptionsUseCase, DiscretionUseCase],
})
export class PenaltyDecisionsModule {}

/** For clue-transfer: verification and recognition of decisions, the review queue, the sanctions registry and the interception check. */
@Module({
  imports: [SanctionsCoreModule],
  controllers: [RecognitionsController, SanctionsController],
  providers: [DecisionRecognitionConsumer, RecognitionsUseCase, SanctionsUseCase, CheckLog],
  exports: [RecognitionsUseCase, SanctionsUseCase, CheckLog],
})
export class RecognitionSanctionsModule {}

/** Both halves in one service (tests, benchmarks, a single-service deployment). */
@Module({
  imports: [PenaltyDecisionsModule, RecognitionSanctionsModule, SanctionsCoreModule],
  exports: [PenaltyDecisionsModule, RecognitionSanctionsModule, SanctionsCoreModule],
})
export class SanctionsModule {}
