import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';

/** A mailbox: a bureau's shared one (no userId) or one officer's. */
export interface EmailContact {
  _id: string;
  bureau: string;
  address: string;
  userId: string | null;
  createdAt: Date;
  createdBy: string;
}

export const EMAIL_CONTACTS = 'notification_email_contacts';

@Injectable()
export class EmailContactsStore {
  readonly collection: Collection<EmailContact>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<EmailContact>(EMAIL_CONTACTS) as unknown as Collection<EmailContact>;
  }

  async insert(contact: EmailContact): Promise<void> {
    await this.collection.insertOne(contact);
  }

  get(id: string): Promise<EmailContact | null> {
    return this.collection.findOne({ _id: id });
  }

  list(bureau: string | undefined): Promise<EmailContact[]> {
    return this.collection.find(bureau === undefined ? {} : { bureau }).sort({ createdAt: 1 }).toArray();
  }

  /** The mailboxes of these bureaus (shared and personal); the router picks per recipient. */
  forBureaus(bureaus: readonly string[]): Promise<EmailContact[]> {
    if (bureaus.length === 0) return Promise.resolve([]);
    return this.collection.find({ bureau: { $in: [...bureaus] } }).toArray();
  }

  async remove(id: string): Promise<boolean> {
    return (await this.collection.deleteOne({ _id: id })).deletedCount === 1;
  }
}
