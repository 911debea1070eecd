import { Module } from '@nestjs/common';
import { AuthModule } from '@yrd/auth';
import { BackboneModule } from '@yrd/backbone';
import { EventCatalog, eventCatalog } from '@yrd/contracts';
import { IntakeFeatureModule } from '@yrd/intake-feature';
import { notaryEvents } from '@yrd/notary-domain';
import { CasesController } from './clues/cases.controller';
import { ClueEvidenceConsumer } from './clues/clue-evidence.consumer';
import { ClueViewsConsumer } from './clues/clue-views.consumer';
import { CluesController } from './clues/clues.controller';
import { SERVICE_NAME } from './service';

/** The global catalogue plus the notary's events, which case-intake reads (evidence notarized for a clue). */
const catalog = new EventCatalog([...eventCatalog.definitions(), ...notaryEvents.filter((d) => !eventCatalog.get(d.type))]);

/**
 * Case intake: auth, the event backbone (writes 'intake', reads 'intake' + 'referral', and 'notary'
 * for evidence uploaded for a clue), clue use cases.
 */
@Module({
  imports: [
    AuthModule.forRoot(),
    BackboneModule.forService({ service: SERVICE_NAME, contexts: ['intake', 'referral', 'notary'], catalog }),
    IntakeFeatureModule,
  ],
  controllers: [CluesController, CasesController],
  providers: [ClueViewsConsumer, ClueEvidenceConsumer],
})
export class CaseIntakeModule {}
