import { Module } from '@nestjs/common';
import { PlatformModule } from '@yrd/platform';
import { AuditModule } from './audit.module';
import { auditEnvSchema } from '@yrd/audit-feature';
import { DEFAULT_PORT, SERVICE_NAME } from './service';

@Module({
  // PlatformModule first: its connections close after every other module's shutdown hooks.
  imports: [
    PlatformModule.forService({
      service: SERVICE_NAME,
      defaultPort: DEFAULT_PORT,
      extraSchema: auditEnvSchema,
    }),
    AuditModule,
  ],
})
export class AppModule {}
