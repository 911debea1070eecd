import { z } from 'zod';
import { defineEvent } from '../event-catalog';
import { DivisionCode, Instant, IsoDate, Text } from './common.schemas';

/**
 * Joint bulletins (信息通报): typical-case bulletins, problem bulletins and risk alerts, issued by
 * one bureau and co-signed by every co-issuing region. Every act of a bureau is signed (Ed25519
 * over the RFC 8785 bytes of the `yrd.bulletin/1` statement: act, bulletinId, bureau, revision,
 * contentSha256, reason). Stream: `bulletin-<bulletinId>`.
 */
const bulletin = <T extends string, S extends z.ZodType>(type: T, summary: string, payload: S) =>
  defineEvent({ type, context: 'bulletin', schemaVersion: 1, summary, payload });

const Id = z.string().regex(/^[A-Za-z0-9_.:]{1,100}$/, 'must be 1-100 characters of [A-Za-z0-9_.:]');
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a hex SHA-256');
const Signature = z.object({ alg: z.literal('Ed25519'), keyId: Text(100), value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'must be a base64 Ed25519 signature') });
const Kind = z.enum(['typical-case', 'problem', 'risk-alert']);
const Audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('delta') }),
  z.object({ kind: z.literal('regions'), regions: z.array(DivisionCode).min(1) }),
  z.object({ kind: z.literal('public') }),
]);

export const BulletinContentSchema = z.object({
  kind: Kind,
  title: Text(300),
  body: Text(20000),
  category: Text(100),
  industry: Text(100),
  relatedDecisions: z.array(Id).max(50),
  attachments: z.array(z.object({ evidenceId: Text(200), name: Text(300), sha256: Sha256 })).max(50),
  audience: Audience,
  persons: z.array(z.object({ name: Text(100), idNumber: z.string().min(1).max(30).optional() })).max(100),
});

const Bureaus = z.array(DivisionCode);
const Revision = z.number().int().positive();

export const bulletinEvents = [
  bulletin(
    'bulletin.proposed',
    "A bureau proposed a bulletin (draft, revision 1), signed; its audience's bureaus are fixed here.",
    z.object({
      bulletinId: Id,
      issuer: DivisionCode,
      coIssuers: Bureaus,
      audienceBureaus: Bureaus.min(1),
      content: BulletinContentSchema,
      contentSha256: Sha256,
      signature: Signature,
      proposedAt: Instant,
    }),
  ),
  bulletin(
    'bulletin.cosigned',
    'A co-issuing region approved the draft, signing its content hash.',
    z.object({ bulletinId: Id, bureau: DivisionCode, revision: Revision, contentSha256: Sha256, signature: Signature, signedAt: Instant }),
  ),
  bulletin(
    'bulletin.refused',
    'A co-issuing region refused the draft with a reason (signed); the draft is not published.',
    z.object({ bulletinId: Id, bureau: DivisionCode, revision: Revision, contentSha256: Sha256, reason: Text(2000), signature: Signature, refusedAt: Instant }),
  ),
  bulletin(
    'bulletin.published',
    'Every co-issuer has signed: the bulletin is published to every bureau of its audience.',
    z.object({ bulletinId: Id, revision: Revision, issuer: DivisionCode, coIssuers: Bureaus, kind: Kind, title: Text(300), audienceBureaus: Bureaus.min(1), publishedAt: Instant }),
  ),
  bulletin(
    'bulletin.corrected',
    'The issuer corrected a published bulletin with a reason: a new revision (signed), never an edit in place.',
    z.object({
      bulletinId: Id,
      revision: Revision,
      issuer: DivisionCode,
      content: BulletinContentSchema,
      contentSha256: Sha256,
      reason: Text(2000),
      signature: Signature,
      audienceBureaus: Bureaus.min(1),
      correctedAt: Instant,
    }),
  ),
  bulletin(
    'bulletin.withdrawn',
    'The issuer withdrew a published bulletin with a reason (signed); every audience bureau is told.',
    z.object({ bulletinId: Id, revision: Revision, issuer: DivisionCode, title: Text(300), reason: Text(2000), signature: Signature, audienceBureaus: Bureaus.min(1), withdrawnAt: Instant }),
  ),
  bulletin(
    'bulletin.acknowledged',
    'A bureau of the audience has read the bulletin (acknowledgement tracking); recorded once per bureau on a stream of its own, `bulletin-ack-<bulletinId>-<bureau>`.',
    z.object({ bulletinId: Id, bureau: DivisionCode, userId: Text(128), revision: Revision, at: Instant }),
  ),
  bulletin(
    'bulletin.acknowledgement-overdue',
    'The acknowledgement deadline (N working days after publication) passed with audience bureaus that have not read it; they are reminded, once.',
    z.object({
      bulletinId: Id,
      revision: Revision,
      issuer: DivisionCode,
      title: Text(300),
      unread: Bureaus.min(1),
      /** The deadline: a China date, or an instant under compressed time. */
      due: z.union([IsoDate, Instant]),
      remindedAt: Instant,
    }),
  ),
];
