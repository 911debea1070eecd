import { Module } from '@nestjs/common';
import { SanctionsCoreModule } from '@yrd/sanctions-feature';
import { AcknowledgementReminders } from './acknowledgement-reminders';
import { BULLETIN_CONFIG, bulletinConfigFrom } from './bulletin-config';
import { BulletinsUseCase } from './bulletins.usecase';
import { BulletinsController } from './http/bulletins.controller';
import { PublicBulletinsController } from './http/public-bulletins.controller';
import { BulletinViewsHost } from './read-model/bulletin-views.host';

/**
 * Joint bulletins (信息通报): `/bulletins` for bureaus and auditors, `/public/bulletins` (JSON, Atom)
 * for everyone. Signs with the bureau keys of the sanctions feature and links typical cases to its
 * verified penalty decisions. Needs `PlatformModule`, `AuthModule.forRoot()` and
 * `BackboneModule.forService(...)` in the app; it requires the bulletin topic of the backbone.
 */
@Module({
  imports: [SanctionsCoreModule],
  controllers: [BulletinsController, PublicBulletinsController],
  providers: [{ provide: BULLETIN_CONFIG, useFactory: () => bulletinConfigFrom(process.env) }, BulletinViewsHost, AcknowledgementReminders, BulletinsUseCase],
  exports: [BulletinsUseCase, BulletinViewsHost],
})
export class BulletinModule {}
