import { Injectable } from '@nestjs/common';
import type { DeliveryJobData } from '../delivery/delivery-job';
import { InboxStore } from '../stores/inbox.store';
import type { ChannelSender } from './channel-sender';

/** Stores the in-app entry under the delivery id: a redone job finds it there and adds nothing. */
@Injectable()
export class InboxSender implements ChannelSender {
  constructor(private readonly inbox: InboxStore) {}

  async deliver(job: DeliveryJobData): Promise<void> {
    await this.inbox.put({
      _id: job.deliveryId,
      bureau: job.recipient.bureau,
      userId: job.recipient.kind === 'user' ? job.recipient.userId : null,
      eventId: job.eventId,
      eventType: job.eventType,
      streamId: job.sourceStreamId,
      occurredAt: job.occurredAt,
      message: job.message,
      reasons: job.reasons,
      createdAt: new Date(),
      readAt: null,
      readBy: null,
    });
  }
}
