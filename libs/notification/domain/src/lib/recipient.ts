/**
 * Who a notification is for: a bureau (its inbox, its webhooks, its shared mailbox) or one person
 * acting for a bureau (their inbox entries and email). A bureau is a division code or an
 * authority id such as `YRD-JOINT` (the designating authority of cross-province disputes).
 */
export type Recipient = { kind: 'bureau'; bureau: string } | { kind: 'user'; userId: string; bureau: string };

/** Stable text form, used in delivery ids and to merge duplicates. */
export function recipientKey(r: Recipient): string {
  return r.kind === 'bureau' ? `bureau:${r.bureau}` : `user:${r.bureau}:${r.userId}`;
}
