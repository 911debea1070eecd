import { z } from 'zod';
import { Condition, ListRegion, TextStatus } from '@yrd/exemption-domain';

/**
 * The file format of a discretion standard (行政处罚裁量基准) for one matter and its penalty
 * provision. One file is one version; published versions are never edited — a change is a new
 * version with its own effective date (the exemption lists' rules, same region scopes).
 */
const IsoDate = z.iso.date();
const Code = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'must be a dotted lower-case code, e.g. advertising.absolute-terms');
const Text = (max: number) => z.string().trim().min(1).max(max);
const Fen = z.number().int().min(0);

export const BANDS = ['不予处罚', '减轻', '从轻', '一般', '从重'] as const;
export const Band = z.enum(BANDS);
export type Band = z.infer<typeof Band>;

/**
 * A circumstance (情节): a condition of the exemption lists' language over the case facts, or its
 * negation (`not`), e.g. "repeat violation" = not first-violation within 2 years, "lasted more than
 * 180 days" = not duration-at-most 180. A fact the officer did not give is never "met".
 */
export const Circumstance = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be a lower-case id'),
  text: Text(500),
  condition: Condition,
  negate: z.boolean().optional(),
});
export type Circumstance = z.infer<typeof Circumstance>;

/** A fine as an amount range, or as multiples of an amount in the facts (违法所得、货值金额…). */
export const FineRange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('amount'), minFen: Fen, maxFen: Fen }),
  z.object({ kind: z.literal('multiple'), of: z.enum(['goodsValueFen', 'illegalIncomeFen', 'salesFen']), min: z.number().min(0), max: z.number().min(0) }),
]);
export type FineRange = z.infer<typeof FineRange>;

export const OtherPenalty = z.object({ penalty: Text(200), when: Text(300).optional() });

export const BandRule = z.object({
  band: Band,
  /** 'any': one circumstance places the case here; 'all': every one must hold; 'default': where no earlier band applies. */
  when: z.enum(['any', 'all', 'default']),
  circumstances: z.array(Circumstance),
  fine: FineRange,
  otherPenalties: z.array(OtherPenalty).optional(),
  /** The provision or guidance behind the band, e.g. 《行政处罚法》第三十二条. */
  basis: Text(1000),
  textStatus: TextStatus,
});
export type BandRule = z.infer<typeof BandRule>;

export const StandardSource = z.object({
  title: Text(300),
  number: Text(100).optional(),
  issuer: Text(300),
  issuedOn: IsoDate.optional(),
  /** 'published': transcribes (part of) the document; 'compiled': drafted by this system from the instruments cited. */
  status: z.enum(['published', 'compiled']),
  unconfirmed: z.array(z.enum(['title', 'number', 'issuedOn', 'effectiveFrom'])).optional(),
  note: Text(2000).optional(),
});

export const DiscretionStandardFile = z
  .object({
    standardId: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be lower-case letters, digits and hyphens'),
    title: Text(300),
    region: ListRegion,
    version: z.number().int().min(1),
    effectiveFrom: IsoDate,
    effectiveTo: IsoDate.optional(),
    violationKind: Code,
    matter: Text(1000),
    provisionViolated: Text(500),
    penaltyProvision: z.object({ provision: Text(300), text: Text(3000), textStatus: TextStatus }),
    /** 法定处罚幅度: the fine range of the provision, and the other penalties it allows. */
    statutoryRange: z.object({ fine: FineRange, otherPenalties: z.array(OtherPenalty) }),
    /** Evaluated in order: the first band whose circumstances hold places the case; exactly one band is 'default'. */
    bands: z.array(BandRule).min(2),
    sources: z.array(StandardSource).min(1),
    note: Text(2000).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.effectiveTo && s.effectiveTo < s.effectiveFrom) ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: `must not be before effectiveFrom ${s.effectiveFrom}` });
    const defaults = s.bands.filter((b) => b.when === 'default');
    if (defaults.length !== 1) ctx.addIssue({ code: 'custom', path: ['bands'], message: `exactly one band must be the default, found ${defaults.length}` });
    const seen = new Set<string>();
    s.bands.forEach((b, i) => {
      if (seen.has(b.band)) ctx.addIssue({ code: 'custom', path: ['bands', i, 'band'], message: `band ${b.band} declared twice` });
      seen.add(b.band);
      if (b.when !== 'default' && b.circumstances.length === 0) ctx.addIssue({ code: 'custom', path: ['bands', i, 'circumstances'], message: `band ${b.band} needs circumstances` });
      const f = b.fine;
      if (f.kind === 'amount' && f.maxFen < f.minFen) ctx.addIssue({ code: 'custom', path: ['bands', i, 'fine', 'maxFen'], message: 'must not be below minFen' });
      if (f.kind === 'multiple' && f.max < f.min) ctx.addIssue({ code: 'custom', path: ['bands', i, 'fine', 'max'], message: 'must not be below min' });
    });
    if (s.bands.at(-1)?.when !== 'default') ctx.addIssue({ code: 'custom', path: ['bands'], message: 'the default band must come last' });
  });
export type DiscretionStandard = z.infer<typeof DiscretionStandardFile>;

export interface StandardProblem {
  path: string;
  message: string;
}
export type StandardValidation = { ok: true; standard: DiscretionStandard } | { ok: false; problems: StandardProblem[]; summary: string };

/** Validates a standard file; each problem names the exact field. */
export function validateStandardFile(input: unknown): StandardValidation {
  const parsed = DiscretionStandardFile.safeParse(input);
  if (parsed.success) return { ok: true, standard: parsed.data };
  const problems = parsed.error.issues.map((i) => ({
    path: i.path.map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n === 0 ? '' : '.'}${String(p)}`)).join('') || '(file)',
    message: i.message,
  }));
  return { ok: false, problems, summary: problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
}
