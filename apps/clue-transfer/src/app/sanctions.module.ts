import { Module } from '@nestjs/common';
import { RecognitionSanctionsModule } from '@yrd/sanctions-feature';

/**
 * Mutual recognition of penalty decisions (signature verification, per-region policy, review
 * queue) and the shared sanctions registry with the licensing interception check:
 * `/recognitions`, `/sanctions`, `/sanctions/check`. Relies on the AuthModule and BackboneModule
 * of ClueTransferModule.
 */
@Module({ imports: [RecognitionSanctionsModule] })
export class ClueTransferSanctionsModule {}
