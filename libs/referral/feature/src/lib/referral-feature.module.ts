import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { REFERRAL_CONFIG, referralConfigFrom } from './config';
import { DeadlineJobs } from './deadlines/deadline-jobs';
import { DeadlineQueue } from './deadlines/deadline-queue';
import { domainContextProvider } from './domain-context';
import { DomainRefusalFilter } from './errors';
import { ClueIntake } from './intake/clue-intake.consumer';
import { ReferralProjections } from './projections/projection-consumer';
import { Repositories } from './repositories';
import { AssistanceCommands } from './use-cases/assistance.usecases';
import { CalendarAdmin } from './use-cases/calendar.usecases';
import { JointActionCommands } from './use-cases/joint-action.usecases';
import { InboxQueries } from './use-cases/queries';
import { ReferralCommands } from './use-cases/referral.usecases';

const USE_CASES = [ReferralCommands, AssistanceCommands, JointActionCommands, InboxQueries, CalendarAdmin];

/**
 * The referral feature: use cases, projections, consumers and deadline jobs. Needs the platform
 * (connections), the backbone (`BackboneModule.forService`) and auth in the importing app.
 */
@Module({
  providers: [
    { provide: REFERRAL_CONFIG, useFactory: () => referralConfigFrom(process.env) },
    domainContextProvider,
    Repositories,
    DeadlineJobs,
    DeadlineQueue,
    ReferralProjections,
    ClueIntake,
    ...USE_CASES,
    { provide: APP_FILTER, useClass: DomainRefusalFilter },
  ],
  exports: [...USE_CASES, ReferralProjections, DeadlineQueue, ClueIntake, REFERRAL_CONFIG],
})
export class ReferralFeatureModule {}
