import { Module } from '@nestjs/common';
import { PlatformModule } from '@yrd/platform';
import { CaseIntakeModule } from './case-intake.module';
import { CaseIntakeSanctionsModule } from './sanctions.module';
import { DEFAULT_PORT, SERVICE_NAME } from './service';

@Module({
  // PlatformModule first: its connections close after every other module's shutdown hooks.
  imports: [
    PlatformModule.forService({
      service: SERVICE_NAME,
      defaultPort: DEFAULT_PORT,
    }),
    CaseIntakeModule,
    CaseIntakeSanctionsModule,
  ],
})
export class AppModule {}
