import { z } from 'zod';

/**
 * The file format of an exemption list (免罚清单) or a no-compulsion list (不予实施行政强制措施清单).
 * One file is one version of one list; published versions are never edited — a change is a new
 * version with its own effective dates.
 */
const IsoDate = z.iso.date();
const Code = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'must be a dotted lower-case code, e.g. advertising.absolute-terms');
const Text = (max: number) => z.string().trim().min(1).max(max);

/** 'YRD' = the unified Delta list, 'DEMO-ZONE' = the demonstration zone, else a division code. */
export const ListRegion = z.union([z.literal('YRD'), z.literal('DEMO-ZONE'), z.string().regex(/^\d{6}$/, 'must be YRD, DEMO-ZONE or a 6-digit division code')]);

export const Outcome = z.enum(['不予处罚', '可以不予处罚', '不予实施行政强制措施']);
export type Outcome = z.infer<typeof Outcome>;

/** How faithfully a text is reproduced: the instrument's words, or a summary. */
export const TextStatus = z.enum(['quoted', 'paraphrase']);

/** A fact name from the case: `flags.<name>` facts are yes/no answers recorded by the officer. */
const FlagName = z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/, 'must be a camelCase fact name');

export const Condition = z.discriminatedUnion('type', [
  /** 首违: no same-kind violation in the region's (recognised) history within N years. */
  z.object({ type: z.literal('first-violation'), withinYears: z.number().int().min(1).max(10), text: Text(500).optional() }),
  /** Corrected by the deadline of the correction order (责令改正期限内改正). */
  z.object({ type: z.literal('corrected-within-ordered-period'), text: Text(500).optional() }),
  /** Corrected on its own before or promptly after discovery, within N days of discovery. */
  z.object({ type: z.literal('corrected-within-days'), days: z.number().int().min(0).max(365), text: Text(500).optional() }),
  /** Harm (危害后果): none, or at most minor. */
  z.object({ type: z.literal('harm-at-most'), level: z.enum(['none', 'minor']), text: Text(500).optional() }),
  /** The party proved it had no subjective fault (行政处罚法第三十三条第二款). */
  z.object({ type: z.literal('no-subjective-fault-proven'), text: Text(500).optional() }),
  /** An amount (fen) at or below a threshold, e.g. goods value 货值金额, illegal income 违法所得. */
  z.object({
    type: z.literal('amount-at-most'),
    fact: z.enum(['goodsValueFen', 'illegalIncomeFen', 'salesFen']),
    maxFen: z.number().int().min(0),
    text: Text(500).optional(),
  }),
  /** The violation lasted at most N days. */
  z.object({ type: z.literal('duration-at-most'), days: z.number().int().min(0), text: Text(500).optional() }),
  /** A yes/no fact the item depends on, e.g. ownPremisesOrSelfMedia = true, affectsFoodSafety = false. */
  z.object({ type: z.literal('fact'), fact: FlagName, equals: z.boolean(), text: Text(500) }),
]);
export type Condition = z.infer<typeof Condition>;

export const ListItem = z.object({
  itemId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1-64 characters of [A-Za-z0-9_.-]'),
  /** The kind of violation (matches a case's and a penalty decision's violationKind). */
  violationKind: Code,
  /** 违法行为: the matter, in the list's words. */
  matter: Text(1000),
  provisionViolated: Text(500),
  penaltyProvision: Text(500),
  outcome: Outcome,
  /** 适用情形: all must hold. */
  conditions: z.array(Condition).min(1),
  /** 免罚依据, e.g. 《中华人民共和国行政处罚法》第三十三条第一款. */
  basis: Text(500),
  textStatus: TextStatus,
  note: Text(1000).optional(),
});
export type ListItem = z.infer<typeof ListItem>;

export const SourceDocument = z.object({
  title: Text(300),
  /** 文号, e.g. 苏市监规〔2024〕7号. */
  number: Text(100).optional(),
  issuer: Text(300),
  issuedOn: IsoDate.optional(),
  /** 'published': the items transcribe (part of) the document; 'compiled': drafted from the laws cited, for a list the document calls for. */
  status: z.enum(['published', 'compiled']),
  /** Whether title, number or dates could not be confirmed against the original. */
  unconfirmed: z.array(z.enum(['title', 'number', 'issuedOn', 'effectiveFrom', 'effectiveTo'])).optional(),
  note: Text(1000).optional(),
});

export const ExemptionListFile = z
  .object({
    listId: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be lower-case letters, digits and hyphens'),
    kind: z.enum(['exemption', 'no-compulsion']),
    title: Text(300),
    region: ListRegion,
    /** Integer versions, increasing; `edition` keeps the issuer's label ("3.0"). */
    version: z.number().int().min(1),
    edition: Text(50).optional(),
    effectiveFrom: IsoDate,
    effectiveTo: IsoDate.optional(),
    sourceDocument: SourceDocument,
    items: z.array(ListItem).min(1),
  })
  .superRefine((list, ctx) => {
    if (list.effectiveTo && list.effectiveTo < list.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: `must not be before effectiveFrom ${list.effectiveFrom}` });
    }
    const seen = new Set<string>();
    list.items.forEach((item, i) => {
      if (seen.has(item.itemId)) ctx.addIssue({ code: 'custom', path: ['items', i, 'itemId'], message: `duplicate itemId ${item.itemId}` });
      seen.add(item.itemId);
      const compulsion = item.outcome === '不予实施行政强制措施';
      if (compulsion !== (list.kind === 'no-compulsion')) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'outcome'], message: `${item.outcome} does not belong in a ${list.kind} list` });
      }
    });
  });
export type ExemptionList = z.infer<typeof ExemptionListFile>;
