import { Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@yrd/auth';
import { InboxStore, type InboxEntry } from '../stores/inbox.store';

export interface InboxEntryView {
  id: string;
  eventType: string;
  eventId: string;
  streamId: string;
  occurredAt: string;
  subject: { zh: string; en: string };
  body: { zh: string; en: string };
  reasons: string[];
  personal: boolean;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

const view = (e: InboxEntry): InboxEntryView => ({
  id: e._id,
  eventType: e.eventType,
  eventId: e.eventId,
  streamId: e.streamId,
  occurredAt: e.occurredAt,
  subject: { zh: e.message.zh.subject, en: e.message.en.subject },
  body: { zh: e.message.zh.body, en: e.message.en.body },
  reasons: e.reasons,
  personal: e.userId !== null,
  read: e.readAt !== null,
  readAt: e.readAt?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
});

/** The caller's inbox: their bureau's entries and their own, newest first. */
@Injectable()
export class InboxUseCases {
  constructor(private readonly inbox: InboxStore) {}

  private reader = (p: Principal) => ({ bureau: p.bureau, userId: p.sub });

  async list(principal: Principal, q: { unreadOnly?: boolean; limit?: number; before?: string }): Promise<{ entries: InboxEntryView[]; unread: number }> {
    const [entries, unread] = await Promise.all([
      this.inbox.list(this.reader(principal), { unreadOnly: q.unreadOnly ?? false, limit: q.limit ?? 50, before: q.before ? new Date(q.before) : undefined }),
      this.inbox.countUnread(this.reader(principal)),
    ]);
    return { entries: entries.map(view), unread };
  }

  async mark(principal: Principal, id: string, read: boolean): Promise<InboxEntryView> {
    const entry = await this.inbox.get(id, this.reader(principal));
    if (!entry) throw new NotFoundException(`no inbox entry ${id} for you`);
    const now = new Date();
    await this.inbox.markRead(id, read, principal.sub, now);
    return view({ ...entry, readAt: read ? now : null, readBy: read ? principal.sub : null });
  }
}
