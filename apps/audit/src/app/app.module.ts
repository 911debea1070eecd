import { Module } from '@nestjs/common';
import { BackboneModule } from '@yrd/backbone';
import { CONTEXTS, eventCatalog } from '@yrd/contracts';
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
    // The audit writes only its integrity alerts; every context's DLQ is read for them.
    BackboneModule.forService({ service: SERVICE_NAME, contexts: CONTEXTS, catalog: eventCatalog }),
    AuditModule,
  ],
})
export class AppModule {}
