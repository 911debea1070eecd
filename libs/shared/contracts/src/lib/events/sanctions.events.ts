import { z } from 'zod';
import { defineEvent } from '../event-catalog';
import { DivisionCode, Instant, IsoDate, Text } from './common.schemas';
import { DiscretionBasisSchema } from './discretion.events';

/**
 * Penalty decisions and their mutual recognition (处罚决定互认), shared sanctions (信用互认,
 * 食品行业禁入) and the exemption lists (免罚清单, 不予实施行政强制措施清单). Streams:
 * `penalty-decision-<id>`, `recognition-<region>-<decisionId>`, `sanction-<id>`,
 * `decision-refusal-<eventId>`, `exemption-evaluation-<id>`, `exemption-list-<listId>`.
 */
const sanctions = <T extends string, S extends z.ZodType>(type: T, summary: string, payload: S) =>
  defineEvent({ type, context: 'sanctions', schemaVersion: 1, summary, payload });

const Id = z.string().regex(/^[A-Za-z0-9_.:]{1,100}$/, 'must be 1-100 characters of [A-Za-z0-9_.:]');
const Code = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'must be a dotted lower-case code');
const Fen = z.number().int().positive();
const Region = DivisionCode;

const Party = z
  .object({ name: Text(200), creditCode: z.string().length(18).optional(), personId: z.string().length(18).optional() })
  .refine((p) => (p.creditCode === undefined) !== (p.personId === undefined), 'needs exactly one of creditCode and personId');

const Licence = z.object({ type: z.enum(['food-production', 'food-business', 'drug', 'medical-device', 'other']), number: Text(100) });

const Penalty = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('warning') }),
  z.object({ kind: z.literal('public-criticism') }),
  z.object({ kind: z.literal('fine'), amountFen: Fen }),
  z.object({ kind: z.literal('confiscation-of-illegal-income'), amountFen: Fen }),
  z.object({ kind: z.literal('confiscation-of-property'), description: Text(1000) }),
  z.object({ kind: z.literal('licence-suspension'), licence: Licence, months: z.number().int().positive() }),
  z.object({ kind: z.literal('licence-revocation'), licence: Licence }),
  z.object({ kind: z.literal('production-suspension'), description: Text(1000) }),
  z.object({ kind: z.literal('employment-restriction'), years: z.number().int().positive() }),
]);

const PenaltyDecisionContent = z.object({
  decisionNumber: Text(100),
  caseRef: Text(200),
  issuingBureau: DivisionCode,
  subject: Party,
  responsiblePersons: z.array(
    z.object({ name: Text(100), personId: z.string().length(18), role: z.enum(['legal-representative', 'directly-responsible-manager', 'other-directly-responsible']) }),
  ),
  category: Code,
  violationKind: Code,
  facts: Text(20000),
  provisionsViolated: z.array(Text(500)).min(1),
  penaltyProvisions: z.array(Text(500)).min(1),
  penalties: z.array(Penalty).min(1),
  decisionDate: IsoDate,
  listings: z.array(z.literal('serious-violation-list')),
  /** 裁量: the standard, suggestion and fine decided (optional; inside the signed content). */
  discretion: DiscretionBasisSchema.optional(),
});

/** Ed25519 over the RFC 8785 canonical bytes of the signed document; `keyId` names the key in the bureau key registry. */
const DecisionSignature = z.object({ alg: z.literal('Ed25519'), keyId: Text(100), value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'must be a base64 Ed25519 signature') });

const DecisionSummary = z.object({
  decisionId: Id,
  decisionNumber: Text(100),
  issuingBureau: DivisionCode,
  sourceRegion: Region,
  subject: Party,
  category: Code,
  violationKind: Code,
  decisionDate: IsoDate,
  keyId: Text(100),
  revision: z.number().int().positive(),
});

const RuleRef = z.object({
  id: Text(100),
  source: Text(200),
  article: Text(100).optional(),
  articleUnconfirmed: z.boolean().optional(),
  text: Text(2000),
  paraphrase: z.boolean().optional(),
});

const SanctionKind = z.enum(['serious-violation-list', 'operating-abnormality', 'food-industry-ban']);
const SanctionSource = z.object({
  type: z.enum(['penalty-decision', 'court-judgment', 'listing-decision']),
  ref: Id,
  documentNumber: Text(200),
  region: Region,
  issuer: Text(200),
});

export const sanctionsEvents = [
  sanctions(
    'penalty-decision.recorded',
    'A bureau recorded a penalty decision (行政处罚决定), signed with its Ed25519 key; every other region verifies and considers it.',
    z.object({ decisionId: Id, revision: z.literal(1), decision: PenaltyDecisionContent, signature: DecisionSignature, recordedAt: Instant }),
  ),
  sanctions(
    'penalty-decision.corrected',
    'The issuing bureau corrected its decision; the whole corrected decision is signed again under the next revision.',
    z.object({ decisionId: Id, revision: z.number().int().min(2), decision: PenaltyDecisionContent, reason: Text(2000), signature: DecisionSignature, correctedAt: Instant }),
  ),
  sanctions(
    'penalty-decision.revoked',
    'The issuing bureau revoked its decision (signed); it stops counting in every region and the sanctions it carried are lifted.',
    z.object({
      decisionId: Id,
      revision: z.number().int().min(2),
      issuingBureau: DivisionCode,
      reason: Text(2000),
      revokedOn: IsoDate,
      signature: DecisionSignature,
      revokedAt: Instant,
    }),
  ),
  sanctions(
    'penalty-decision.refused',
    'A received decision event failed signature verification: it was not recorded or recognised anywhere (audit record).',
    z.object({
      sourceEventId: z.uuid(),
      sourceStreamId: Text(200),
      sourceType: Text(100),
      decisionId: Text(200).optional(),
      issuingBureau: Text(20).optional(),
      keyId: Text(100).optional(),
      code: z.enum(['BAD_SIGNATURE', 'UNKNOWN_KEY', 'KEY_NOT_FOR_BUREAU', 'KEY_NOT_VALID', 'MALFORMED']),
      reason: Text(2000),
      refusedAt: Instant,
    }),
  ),
  sanctions(
    'recognition.queued',
    "A verified decision from another region awaits review in this region's queue.",
    z.object({ recognitionId: Text(200), region: Region, decision: DecisionSummary, queuedAt: Instant }),
  ),
  sanctions(
    'recognition.recognised',
    "The region recognised another region's decision (automatically by category, or on review); it counts as the region's history with its source kept.",
    z.object({ recognitionId: Text(200), region: Region, decision: DecisionSummary, automatic: z.boolean(), by: DivisionCode.optional(), reason: Text(2000).optional(), recognisedAt: Instant }),
  ),
  sanctions(
    'recognition.declined',
    "A bureau of the region declined to recognise another region's decision, with a reason.",
    z.object({ recognitionId: Text(200), region: Region, decisionId: Id, by: DivisionCode, reason: Text(2000), declinedAt: Instant }),
  ),
  sanctions(
    'sanction.imposed',
    'A sanction entered the shared registry: serious-violation list, operating abnormality or food-industry ban, with start, end, basis and source.',
    z.object({
      sanctionId: Id,
      kind: SanctionKind,
      subject: Party,
      start: IsoDate,
      until: IsoDate.optional(),
      lifelong: z.boolean(),
      basis: RuleRef,
      source: SanctionSource,
      reason: Text(2000),
      imposedAt: Instant,
    }),
  ),
  sanctions(
    'sanction.lifted',
    'A sanction ended before its term: credit repair (lists only) or revocation of its source; it ends in every region.',
    z.object({
      sanctionId: Id,
      kind: SanctionKind,
      subject: Party,
      how: z.enum(['credit-repair', 'source-revoked']),
      by: DivisionCode,
      ref: Text(200),
      reason: Text(2000),
      liftedOn: IsoDate,
      liftedAt: Instant,
    }),
  ),
  sanctions(
    'exemption.evaluated',
    "A case's facts were evaluated against the exemption and no-compulsion lists in force: items, conditions met or failed, list versions, basis.",
    z.object({
      evaluationId: Id,
      caseRef: Text(200),
      bureau: DivisionCode,
      region: Region,
      caseDate: IsoDate,
      violationKind: Code,
      subject: z.object({ creditCode: z.string().length(18).optional(), personId: z.string().length(18).optional() }),
      listsInForce: z.array(z.object({ listId: Text(64), version: z.number().int().positive() })),
      items: z.array(
        z.object({
          listId: Text(64),
          listVersion: z.number().int().positive(),
          itemId: Text(64),
          outcome: z.enum(['不予处罚', '可以不予处罚', '不予实施行政强制措施']),
          applies: z.boolean(),
          conditions: z.array(z.object({ type: Text(50), met: z.boolean(), fact: Text(100), detail: Text(2000) })),
        }),
      ),
      penaltyOutcome: z.enum(['no-penalty', 'penalty-may-be-waived', 'not-exempt', 'no-list-item']),
      compulsionOutcome: z.enum(['no-compulsion', 'not-exempt', 'no-list-item']),
      basis: z.array(Text(1000)),
      educationRequired: z.boolean(),
      evaluatedAt: Instant,
    }),
  ),
  sanctions(
    'exemption-list.published',
    'An administrator published a new version of an exemption or no-compulsion list; it takes effect on its effectiveFrom day.',
    z.object({
      listId: Text(64),
      version: z.number().int().positive(),
      kind: z.enum(['exemption', 'no-compulsion']),
      region: Text(20),
      title: Text(300),
      effectiveFrom: IsoDate,
      effectiveTo: IsoDate.optional(),
      itemCount: z.number().int().positive(),
      contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      /** The whole list file; receivers validate it against the list schema of @yrd/exemption-domain. */
      list: z.record(z.string(), z.unknown()),
      publishedBy: Text(128),
      publishedAt: Instant,
    }),
  ),
];
