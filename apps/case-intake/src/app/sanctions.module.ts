import { Module } from '@nestjs/common';
import { PenaltyDecisionsModule } from '@yrd/sanctions-feature';

/**
 * Penalty decisions (recorded and signed with the issuing bureau's key, weighed against the
 * discretion standards), the exemption / no-compulsion lists with case evaluation and the discretion
 * standards: `/penalty-decisions`, `/exemptions/evaluate`, `/exemption-lists`, `/discretion/suggest`,
 * `/discretion/departures`, `/discretion-standards`. Relies on the AuthModule and BackboneModule of CaseIntakeModule.
 */
@Module({ imports: [PenaltyDecisionsModule] })
export class CaseIntakeSanctionsModule {}
