import type { Bulletin } from '@yrd/bulletin-domain';
import type { NaturalPerson } from '@yrd/bureaus';
import { findBureau } from '@yrd/bureaus';
import { chinaDateOf } from '@yrd/calendar';

/** The clue-transfer service's bulletin views (libs/bulletin/feature/src/lib/read-model/bulletin-views.ts). */
export const KINDS = ['typical-case', 'problem', 'risk-alert'] as const satisfies readonly Bulletin.Kind[];
export type BulletinKind = Bulletin.Kind;

export const STATUSES = ['awaiting-signatures', 'refused', 'published', 'withdrawn'] as const;
export type BulletinStatus = (typeof STATUSES)[number];

/** The Delta's province bureaus: co-issuers, audience regions and the region filter. */
export const PROVINCES = ['310000', '320000', '330000', '340000'] as const;

/** Suggested codes for the free-text category and industry (the server takes any text). */
export const CATEGORIES = ['advertising', 'food-safety', 'product-quality', 'pricing', 'consumer-protection', 'unfair-competition'] as const;
export const INDUSTRIES = ['e-commerce', 'live-commerce', 'food', 'healthcare', 'education', 'finance', 'tourism'] as const;

/** The content a bureau proposes and signs: the domain's own types (type-only, nothing of it is bundled). */
export type Audience = Bulletin.Audience;
export type Person = NaturalPerson;
export type Attachment = Bulletin.Attachment;
export type BulletinContent = Bulletin.Content;

export type Act = Bulletin.Act;

export interface BulletinView {
  bulletinId: string;
  status: BulletinStatus;
  issuer: string;
  coIssuers: string[];
  signedBy: string[];
  audienceBureaus: string[];
  revision: number;
  content: BulletinContent;
  revisions: Array<{ revision: number; content: BulletinContent; contentSha256: string; reason?: string; at: string }>;
  signatures: Array<{ act: Act; bureau: string; revision: number; at: string; reason?: string }>;
  refusal?: { bureau: string; reason: string; at: string };
  withdrawal?: { reason: string; at: string };
  acknowledgements: Array<{ bureau: string; userId: string; at: string }>;
  proposedAt: string;
  publishedAt?: string;
}

/** A search hit (GET bulletins): the list's columns, without text, revisions, signatures or audience. */
export interface BulletinSummary {
  bulletinId: string;
  status: BulletinStatus;
  issuer: string;
  coIssuers: string[];
  signedBy: string[];
  revision: number;
  content: Pick<BulletinContent, 'kind' | 'title' | 'category' | 'industry' | 'audience'>;
  refusal?: { bureau: string; reason: string; at: string };
  withdrawal?: { reason: string; at: string };
  audienceCount: number;
  acknowledgedCount: number;
  proposedAt: string;
  publishedAt?: string;
}

export interface Acknowledgements {
  bulletinId: string;
  title: string;
  publishedAt: string;
  /** A China date, or an instant when working days are compressed (tests, demos). */
  due: string;
  overdue: boolean;
  acknowledged: Array<{ bureau: string; userId: string; at: string }>;
  unread: string[];
  /** When the bureaus unread at the deadline were reminded (once). */
  reminder?: { unread: string[]; due: string; at: string };
}

export interface Verification {
  bulletinId: string;
  valid: boolean;
  signatures: Array<{ act: Act; bureau: string; revision: number; keyId: string; at: string; valid: boolean; problem?: string }>;
  revisions: Array<{ revision: number; contentSha256: string; matches: boolean }>;
}

export interface CommandResult {
  bulletinId: string;
  status: string;
  revision: number;
}

/** A bureau as people name it: 江苏省 (320000); the code alone when the directory does not know it. */
export function bureauName(code: string, en: boolean): string {
  const b = findBureau(code);
  return b ? `${en ? b.nameEn : b.name} (${code})` : code;
}

/** Who a bulletin reaches, as people read it: 指定省份的市场监管部门: 江苏省 (320000)、浙江省 (330000). */
export function audienceText(a: Audience, kindLabel: (kind: Audience['kind']) => string, en: boolean): string {
  return a.kind === 'regions' ? `${kindLabel('regions')}: ${a.regions.map((r) => bureauName(r, en)).join('、')}` : kindLabel(a.kind);
}

/** The China date (UTC+8, no daylight saving) of an instant: 2026-03-02. */
export const chinaDate = (instant: string): string => chinaDateOf(new Date(instant));

/** China date and time of an instant: 2026-03-02 10:15. */
export const chinaDateTime = (instant: string): string => new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** A deadline that is a date stays a date; an instant (compressed time) shows its China time. */
export const dueText = (due: string): string => (due.includes('T') ? chinaDateTime(due) : due);
