import { Module } from '@nestjs/common';
import { AuthModule } from '@yrd/auth';
import { BackboneModule } from '@yrd/backbone';
import { eventCatalog } from '@yrd/contracts';
import { NotaryFeatureModule } from '@yrd/notary-feature';
import { EvidenceController } from './evidence/evidence.controller';
import { NotaryLogController } from './notary/notary-log.controller';
import { SERVICE_NAME } from './service';

/** Evidence notary: auth, the event backbone (writes 'notary', reads 'intake' for known cases), the notary use cases. */
@Module({
  imports: [
    AuthModule.forRoot(),
    BackboneModule.forService({ service: SERVICE_NAME, contexts: ['notary', 'intake'], catalog: eventCatalog }),
    NotaryFeatureModule.forRoot(),
  ],
  controllers: [EvidenceController, NotaryLogController],
})
export class EvidenceNotaryModule {}
