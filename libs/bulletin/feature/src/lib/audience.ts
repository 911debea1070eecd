import type { Bulletin } from '@yrd/bulletin-domain';
import { bureauRegistry, findBureau, provinceOf } from '@yrd/bureaus';

/**
 * The bureaus a bulletin reaches: every Delta bureau (delta, public), or every bureau of the named
 * provinces (regions); the issuer and co-issuers are always among them. Fixed at proposal, so a
 * bureau added to the directory later does not appear unread on an old bulletin.
 */
export function audienceBureaus(audience: Bulletin.Audience, issuer: string, coIssuers: readonly string[]): string[] {
  const all = bureauRegistry.bureaus.map((b) => b.code);
  const reached =
    audience.kind === 'regions' ? all.filter((code) => audience.regions.includes(provinceOf(code)?.code ?? '')) : all;
  return [...new Set([...reached, issuer, ...coIssuers])].sort();
}

/** Why an audience or a co-issuer list cannot be used, if it cannot. */
export function audienceProblem(audience: Bulletin.Audience, issuer: string, coIssuers: readonly string[]): string | undefined {
  if (audience.kind === 'regions') {
    const notProvince = audience.regions.filter((r) => findBureau(r)?.level !== 'province');
    if (notProvince.length > 0) return `audience regions must be province-level bureaus (310000, 320000, 330000, 340000): ${notProvince.join(', ')}`;
  }
  const unknown = coIssuers.filter((b) => !findBureau(b));
  if (unknown.length > 0) return `unknown co-issuing bureaus: ${unknown.join(', ')}`;
  if (coIssuers.includes(issuer)) return 'the issuer cannot co-sign its own bulletin';
  return undefined;
}

/** The province a bureau belongs to (for searching by region). */
export const regionOfBureau = (code: string): string | undefined => provinceOf(code)?.code;
