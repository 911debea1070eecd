import { Module } from '@nestjs/common';
import { BulletinModule } from '@yrd/bulletin-feature';

/**
 * Joint bulletins (信息通报): proposal, co-signature by each co-issuing region, publication to the
 * audience, correction, withdrawal, acknowledgement; the public feed. Relies on the AuthModule and
 * BackboneModule of ClueTransferModule.
 */
@Module({ imports: [BulletinModule] })
export class ClueTransferBulletinsModule {}
