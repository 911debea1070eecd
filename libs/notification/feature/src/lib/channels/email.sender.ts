import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import type { DeliveryJobData } from '../delivery/delivery-job';
import { EmailContactsStore } from '../stores/email-contacts.store';
import { DeliveryRefused, type ChannelSender } from './channel-sender';

/**
 * Mails the message (Chinese first, then English) over SMTP (`SMTP_URL`, pooled connections).
 * The Message-ID derives from the delivery id, so a mail sent again after a crash is one
 * message to the recipient's client. A 5xx SMTP reply (no such mailbox) is a refusal.
 */
@Injectable()
export class EmailSender implements ChannelSender, OnApplicationShutdown {
  private transport?: Transporter;

  constructor(
    private readonly contacts: EmailContactsStore,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  get enabled(): boolean {
    return this.config.smtpUrl !== undefined;
  }

  private transporter(): Transporter {
    if (!this.config.smtpUrl) throw new DeliveryRefused('email is not configured (SMTP_URL)');
    this.transport ??= createTransport({ url: this.config.smtpUrl, pool: true, maxConnections: 4 } as Parameters<typeof createTransport>[0]);
    return this.transport;
  }

  async deliver(job: DeliveryJobData): Promise<void> {
    const contact = await this.contacts.get(job.target);
    if (!contact) throw new DeliveryRefused(`email contact ${job.target} was removed`);
    const { zh, en } = job.message;
    try {
      await this.transporter().sendMail({
        from: this.config.mailFrom,
        to: contact.address,
        subject: `${zh.subject} | ${en.subject}`,
        text: `${zh.body}\n\n——\n\n${en.body}\n`,
        messageId: `<${job.deliveryId}@notification.yrd>`,
        headers: { 'X-YRD-Delivery-Id': job.deliveryId, 'X-YRD-Event-Type': job.eventType, 'X-YRD-Event-Id': job.eventId },
      });
    } catch (e) {
      const code = (e as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500 && code < 600) throw new DeliveryRefused(`SMTP refused ${job.target}: ${(e as Error).message}`);
      throw e;
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
