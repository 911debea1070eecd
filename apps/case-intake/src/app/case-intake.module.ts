import { Module } from '@nestjs/common';
import { AuthModule } from '@yrd/auth';
import { BackboneModule } from '@yrd/backbone';
import { eventCatalog } from '@yrd/contracts';
import { IntakeFeatureModule } from '@yrd/intake-feature';
import { CasesController } from './clues/cases.controller';
import { ClueViewsConsumer } from './clues/clue-views.consumer';
import { CluesController } from './clues/clues.controller';
import { SERVICE_NAME } from './service';

/** Case intake: auth, the event backbone (writes 'intake', reads 'intake' + 'referral'), clue use cases. */
@Module({
  imports: [
    AuthModule.forRoot(),
    BackboneModule.forService({ service: SERVICE_NAME, contexts: ['intake', 'referral'], catalog: eventCatalog }),
    IntakeFeatureModule,
  ],
  controllers: [CluesController, CasesController],
  providers: [ClueViewsConsumer],
})
export class CaseIntakeModule {}
