import { Module } from '@nestjs/common';
import { EmailSender } from './channels/email.sender';
import { InboxSender } from './channels/inbox.sender';
import { WebhookSender } from './channels/webhook.sender';
import { NOTIFICATION_CONFIG, notificationConfigFrom } from './config';
import { BureauRateLimiter } from './delivery/bureau-rate-limiter';
import { DeliveryMetrics } from './delivery/delivery-metrics';
import { DeliveryQueues } from './delivery/delivery-queues';
import { DeliveryReceipts } from './delivery/delivery-receipts';
import { DeliveryWorkers } from './delivery/delivery-workers';
import { RouteEvent } from './routing/route-event.usecase';
import { RoutingRules } from './routing/routing-rules';
import { CaseFilesStore } from './stores/case-files.store';
import { EmailContactsStore } from './stores/email-contacts.store';
import { InboxStore } from './stores/inbox.store';
import { WebhookEndpointsStore } from './stores/webhook-endpoints.store';
import { EmailContactsUseCases } from './usecases/email-contacts.usecases';
import { InboxUseCases } from './usecases/inbox.usecases';
import { OperationsUseCases } from './usecases/operations.usecases';
import { WebhookEndpointsUseCases } from './usecases/webhook-endpoints.usecases';

/**
 * Notification: the router (event → jobs), the BullMQ queues and workers per channel, the
 * endpoint / mailbox registries, the inbox, receipts and metrics. Needs `PlatformModule` (Redis,
 * MongoDB) and `BackboneModule` (receipts) in the app.
 */
@Module({
  providers: [
    { provide: NOTIFICATION_CONFIG, useFactory: () => notificationConfigFrom(process.env) },
    { provide: RoutingRules, useFactory: () => new RoutingRules() },
    WebhookEndpointsStore,
    EmailContactsStore,
    InboxStore,
    CaseFilesStore,
    DeliveryQueues,
    BureauRateLimiter,
    DeliveryMetrics,
    DeliveryReceipts,
    WebhookSender,
    EmailSender,
    InboxSender,
    DeliveryWorkers,
    RouteEvent,
    WebhookEndpointsUseCases,
    EmailContactsUseCases,
    InboxUseCases,
    OperationsUseCases,
  ],
  exports: [NOTIFICATION_CONFIG, RoutingRules, DeliveryQueues, DeliveryWorkers, RouteEvent, WebhookEndpointsUseCases, EmailContactsUseCases, InboxUseCases, OperationsUseCases],
})
export class NotificationFeatureModule {}
