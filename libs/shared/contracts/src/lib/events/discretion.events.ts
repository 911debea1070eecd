import { z } from 'zod';
import { defineEvent } from '../event-catalog';
import { DivisionCode, Instant, IsoDate, Text } from './common.schemas';

/**
 * Unified discretion (统一裁量): standards published as versions, and decisions that depart from
 * the suggested range with a justification, flagged to the legal reviewer and auditors. They travel
 * on the sanctions topic (the penalty decisions' context). Streams: `discretion-standard-<id>`,
 * `discretion-departure-<decisionId>`.
 */
const discretion = <T extends string, S extends z.ZodType>(type: T, summary: string, payload: S) =>
  defineEvent({ type, context: 'sanctions', schemaVersion: 1, summary, payload });

const Fen = z.number().int().min(0);
const Range = z.object({ minFen: Fen, maxFen: Fen });
const Band = z.enum(['不予处罚', '减轻', '从轻', '一般', '从重']);

/** What a penalty decision records of its discretion (inside the signed decision content). */
export const DiscretionBasisSchema = z.object({
  standardId: Text(64).nullable(),
  standardVersion: z.number().int().positive().nullable(),
  outcome: z.enum(['exempt', 'exempt-may-be-waived', 'penalty', 'no-standard']),
  band: Band.nullable(),
  suggestedFine: Range.nullable(),
  fineFen: Fen,
  withinRange: z.boolean(),
  justification: Text(4000).optional(),
  jointActionId: Text(100).optional(),
  exemptionItems: z.array(Text(200)),
  /** The case facts the suggestion was computed from (as the exemption evaluation takes them). */
  facts: z.record(z.string(), z.unknown()),
});

export const discretionEvents = [
  discretion(
    'discretion-standard.published',
    'An administrator published a new version of a discretion standard (裁量基准); it takes effect on its effectiveFrom day.',
    z.object({
      standardId: Text(64),
      version: z.number().int().positive(),
      region: Text(20),
      violationKind: Text(200),
      title: Text(300),
      effectiveFrom: IsoDate,
      effectiveTo: IsoDate.optional(),
      contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      /** The whole standard file; receivers validate it against the schema of @yrd/discretion-domain. */
      standard: z.record(z.string(), z.unknown()),
      publishedBy: Text(128),
      publishedAt: Instant,
    }),
  ),
  discretion(
    'discretion.departure-flagged',
    'A penalty decision fixed a fine outside the range its discretion standard suggests, with a recorded justification; flagged to the legal reviewer (法制审核) and to auditors.',
    z.object({
      decisionId: Text(100),
      decisionNumber: Text(100),
      caseRef: Text(200),
      issuingBureau: DivisionCode,
      standardId: Text(64).nullable(),
      standardVersion: z.number().int().positive().nullable(),
      band: Band.nullable(),
      suggestedFine: Range.nullable(),
      fineFen: Fen,
      departure: z.enum(['above-range', 'below-range', 'fine-despite-exemption']),
      justification: Text(4000),
      rule: z.object({ id: Text(100), source: Text(300), text: Text(2000) }),
      /** Whom the flag is for: the issuing bureau's legal review, and the auditors of its province. */
      legalReviewer: DivisionCode,
      auditors: z.array(DivisionCode).min(1),
      flaggedAt: Instant,
    }),
  ),
];
