import { z } from 'zod';

/** Shared pieces of event payloads. */
export const DivisionCode = z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative division code');
/** A bureau (division code) or a designating authority id such as `YRD-JOINT`. */
export const AuthorityId = z.string().regex(/^\d{6}$|^[A-Z][A-Z0-9-]{1,31}$/, 'must be a division code or an authority id');
export const IsoDate = z.iso.date();
export const Instant = z.iso.datetime({ offset: true });
export const Text = (max: number) => z.string().min(1).max(max);

export const Deadline = z.object({
  dueDate: IsoDate,
  provisional: z.boolean(),
  reasons: z.array(z.string()),
  basis: z.object({ from: IsoDate, workingDays: z.number().int() }).optional(),
});

export const Subject = z.object({
  name: Text(200),
  creditCode: z.string().length(18).optional(),
  personId: z.string().length(18).optional(),
});

export const Place = z.object({ divisionCode: DivisionCode, address: Text(500) });
export const RoutingBasis = z.enum(['explicit', 'registration-authority', 'place']);
export const Urgency = z.enum(['normal', 'urgent']);
export const EvidenceRefs = z.array(Text(200)).max(100);
