import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import type { RenderedMessage } from '@yrd/notification-domain';
import { isDuplicateKey } from './ids';

/** One in-app notification; `_id` is the delivery id, so storing it twice is impossible. */
export interface InboxEntry {
  _id: string;
  bureau: string;
  /** Null: for everyone of the bureau; else for this user only. */
  userId: string | null;
  eventId: string;
  eventType: string;
  streamId: string;
  occurredAt: string;
  message: RenderedMessage;
  reasons: string[];
  createdAt: Date;
  readAt: Date | null;
  readBy: string | null;
}

export const INBOX = 'notification_inbox';

export interface InboxReader {
  bureau: string;
  userId: string;
}

@Injectable()
export class InboxStore {
  readonly collection: Collection<InboxEntry>;

  constructor(@InjectConnection() connection: Connection) {
    this.collection = connection.collection<InboxEntry>(INBOX) as unknown as Collection<InboxEntry>;
  }

  /** Stores an entry; false when it was already there (a redone job). */
  async put(entry: InboxEntry): Promise<boolean> {
    try {
      await this.collection.insertOne(entry);
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  private visibleTo(reader: InboxReader) {
    return { bureau: reader.bureau, $or: [{ userId: null }, { userId: reader.userId }] };
  }

  list(reader: InboxReader, { unreadOnly, limit, before }: { unreadOnly: boolean; limit: number; before?: Date }): Promise<InboxEntry[]> {
    return this.collection
      .find({ ...this.visibleTo(reader), ...(unreadOnly && { readAt: null }), ...(before && { createdAt: { $lt: before } }) })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .toArray();
  }

  countUnread(reader: InboxReader): Promise<number> {
    return this.collection.countDocuments({ ...this.visibleTo(reader), readAt: null });
  }

  async get(id: string, reader: InboxReader): Promise<InboxEntry | null> {
    const entry = await this.collection.findOne({ _id: id });
    if (!entry || entry.bureau !== reader.bureau || (entry.userId !== null && entry.userId !== reader.userId)) return null;
    return entry;
  }

  /** Read state is one reader's flag on one document: no race that matters. */
  async markRead(id: string, read: boolean, by: string, now = new Date()): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $set: read ? { readAt: now, readBy: by } : { readAt: null, readBy: null } });
  }
}
