import { Module } from '@nestjs/common';
import { AuthModule } from '@yrd/auth';
import { BackboneModule } from '@yrd/backbone';
import { eventCatalog } from '@yrd/contracts';
import { ReferralFeatureModule } from '@yrd/referral-feature';
import { AssistanceController } from './assistance/assistance.controller';
import { CalendarController } from './calendar/calendar.controller';
import { JointActionsController } from './joint-actions/joint-actions.controller';
import { ReferralsController } from './referrals/referrals.controller';
import { SERVICE_NAME } from './service';

/**
 * Everything of clue-transfer beyond the platform: auth, the event backbone (reads `intake`,
 * writes and reads `referral`), the referral feature (use cases, projections, consumers,
 * deadline jobs) and the HTTP controllers.
 */
@Module({
  imports: [
    AuthModule.forRoot(),
    BackboneModule.forService({ service: SERVICE_NAME, contexts: ['intake', 'referral'], catalog: eventCatalog }),
    ReferralFeatureModule,
  ],
  controllers: [ReferralsController, AssistanceController, JointActionsController, CalendarController],
})
export class ClueTransferModule {}
