/** Every verifier answers this way, so a caller can show why something failed. */
export type Verification = { ok: true } | { ok: false; reason: string };

export const VERIFIED: Verification = { ok: true };

export function failed(reason: string): Verification {
  return { ok: false, reason };
}
