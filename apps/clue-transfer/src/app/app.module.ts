import { Module } from '@nestjs/common';
import { PlatformModule } from '@yrd/platform';
import { ClueTransferBulletinsModule } from './bulletins.module';
import { ClueTransferModule } from './clue-transfer.module';
import { ClueTransferSanctionsModule } from './sanctions.module';
import { DEFAULT_PORT, SERVICE_NAME } from './service';

@Module({
  // PlatformModule first: its connections close after every other module's shutdown hooks.
  imports: [
    PlatformModule.forService({
      service: SERVICE_NAME,
      defaultPort: DEFAULT_PORT,
    }),
    ClueTransferModule,
    ClueTransferSanctionsModule,
    ClueTransferBulletinsModule,
  ],
})
export class AppModule {}
