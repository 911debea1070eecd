import { Module } from '@nestjs/common';
import { PenaltyDecisionsModule } from '@yrd/sanctions-feature';

/**
 * Penalty decisions (recorded and signed with the issuing bureau's key) and the exemption /
 * no-compulsion lists with case evaluation: `/penalty-decisions`, `/exemptions/evaluate`,
 * `/exemption-lists`. Relies on the AuthModule and BackboneModule of CaseIntakeModule.
 */
@Module({ imports: [PenaltyDecisionsModule] })
export class CaseIntakeSanctionsModule {}
