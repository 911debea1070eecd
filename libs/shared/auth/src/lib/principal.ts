import { z } from 'zod';

/** Roles carried in the `role` claim. */
export const ROLES = ['officer', 'bureau', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may read every bureau's data (all others are confined to their own bureau). */
export const CROSS_BUREAU_ROLES: readonly Role[] = ['auditor', 'admin'];

/** Administrative division code (GB/T 2260), six digits: '310118' Qingpu, '310000' Shanghai. */
export const BureauCodeSchema = z
  .string()
  .regex(/^\d{6}$/, 'must be a 6-digit administrative division code');

/** The authenticated caller. */
export const PrincipalSchema = z.object({
  /** User id. */
  sub: z.string().trim().min(1).max(128),
  name: z.string().max(200).optional(),
  role: z.enum(ROLES),
  bureau: BureauCodeSchema,
});
export type Principal = z.infer<typeof PrincipalSchema>;

/**
 * Claims a token must carry. `exp` is required: a token without expiry is rejected.
 * Unknown claims are ignored; iss/aud/exp values themselves are checked by the JWT verifier.
 */
export const TokenClaimsSchema = PrincipalSchema.extend({
  exp: z.number().int(),
  iat: z.number().int().optional(),
});

export function isRole(value: unknown): value is Role {
  return (
    typeof value === 'string' && (ROLES as readonly string[]).includes(value)
  );
}

/** Validates a principal; throws an Error listing every problem. */
export function parsePrincipal(input: unknown): Principal {
  const result = PrincipalSchema.safeParse(input);
  if (!result.success) {
    throw new Error(`Invalid principal: ${formatZodIssues(result.error)}`);
  }
  return result.data;
}

/** `role: Invalid option…; bureau: must be a 6-digit…` */
export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) =>
        `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`,
    )
    .join('; ');
}
