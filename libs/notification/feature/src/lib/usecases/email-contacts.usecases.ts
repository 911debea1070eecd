import { Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '@yrd/auth';
import { RoutingRules } from '../routing/routing-rules';
import { EmailContactsStore, type EmailContact } from '../stores/email-contacts.store';
import { newId } from '../stores/ids';
import { canManage, listingBureau, owningBureau } from './owning-bureau';

export interface EmailContactView {
  id: string;
  bureau: string;
  address: string;
  userId: string | null;
  createdAt: string;
}

const view = (c: EmailContact): EmailContactView => ({ id: c._id, bureau: c.bureau, address: c.address, userId: c.userId, createdAt: c.createdAt.toISOString() });

/** Mailboxes: a bureau's shared address (no userId) gets bureau mail, an officer's gets theirs. */
@Injectable()
export class EmailContactsUseCases {
  constructor(
    private readonly store: EmailContactsStore,
    private readonly rules: RoutingRules,
  ) {}

  async add(principal: Principal, input: { address: string; userId?: string; bureau?: string }, now = new Date()): Promise<EmailContactView> {
    const contact: EmailContact = {
      _id: newId('emc'),
      bureau: owningBureau(principal, input.bureau, this.rules.directory),
      address: input.address.toLowerCase(),
      userId: input.userId ?? null,
      createdAt: now,
      createdBy: principal.sub,
    };
    await this.store.insert(contact);
    return view(contact);
  }

  async list(principal: Principal, bureau?: string): Promise<EmailContactView[]> {
    return (await this.store.list(listingBureau(principal, bureau, this.rules.directory))).map(view);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const contact = await this.store.get(id);
    if (!contact || !canManage(principal, contact.bureau)) throw new NotFoundException(`no email contact ${id} in your bureau`);
    await this.store.remove(id);
  }
}
