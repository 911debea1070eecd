import { Module } from '@nestjs/common';
import { AuthModule } from '@yrd/auth';
import { BackboneModule } from '@yrd/backbone';
import { eventCatalog } from '@yrd/contracts';
import { NotificationFeatureModule } from '@yrd/notification-feature';
import { AdminController } from './http/admin.controller';
import { EmailContactsController } from './http/email-contacts.controller';
import { InboxController } from './http/inbox.controller';
import { WebhooksController } from './http/webhooks.controller';
import { QueueDashboard } from './queue-dashboard';
import { RouterConsumer } from './router.consumer';
import { SERVICE_NAME } from './service';

/** Notification: auth, the backbone (reads intake/referral/sanctions, writes notification receipts), the feature. */
@Module({
  imports: [
    AuthModule.forRoot(),
    BackboneModule.forService({ service: SERVICE_NAME, contexts: ['intake', 'referral', 'sanctions', 'bulletin', 'notification', 'audit'], catalog: eventCatalog }),
    NotificationFeatureModule,
  ],
  controllers: [WebhooksController, EmailContactsController, InboxController, AdminController],
  providers: [RouterConsumer, QueueDashboard],
})
export class NotificationModule {}
