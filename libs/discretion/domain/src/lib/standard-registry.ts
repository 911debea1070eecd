import { listAppliesTo } from '@yrd/exemption-domain';
import { DiscretionStandard, validateStandardFile } from './standard.schema';

export class StandardRegistryError extends Error {
  override readonly name = 'StandardRegistryError';
}

/**
 * Every published version of every discretion standard, and which version is in force on a day:
 * the one with the latest effectiveFrom on or before the day (as the exemption lists), so a new
 * version takes over on its effective date and past suggestions stay reproducible.
 */
export class StandardRegistry {
  private readonly byId = new Map<string, DiscretionStandard[]>();

  constructor(files: readonly unknown[] = []) {
    for (const raw of files) {
      const v = validateStandardFile(raw);
      if (!v.ok) throw new StandardRegistryError(`${(raw as { standardId?: string })?.standardId ?? 'standard'}: ${v.summary}`);
      this.add(v.standard);
    }
  }

  /** Adds a published version (idempotent for the same version). */
  add(s: DiscretionStandard): void {
    const versions = this.byId.get(s.standardId) ?? [];
    if (versions.some((v) => v.version === s.version)) return;
    this.byId.set(s.standardId, [...versions, s].sort((a, b) => a.version - b.version));
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  versions(id: string): DiscretionStandard[] {
    return [...(this.byId.get(id) ?? [])];
  }

  get(id: string, version: number): DiscretionStandard | undefined {
    return this.byId.get(id)?.find((v) => v.version === version);
  }

  latest(id: string): DiscretionStandard | undefined {
    return this.byId.get(id)?.at(-1);
  }

  inForce(id: string, day: string): DiscretionStandard | undefined {
    const candidates = (this.byId.get(id) ?? []).filter((v) => v.effectiveFrom <= day && (!v.effectiveTo || day <= v.effectiveTo));
    return candidates.sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? b.version - a.version : a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  }

  /** The standards (one version each) in force on `day` for a kind of violation handled by `bureau`, most local first. */
  inForceFor(bureau: string, violationKind: string, day: string): DiscretionStandard[] {
    const rank = (region: string) => (/^\d{6}$/.test(region) ? (region.endsWith('0000') ? 1 : 0) : region === 'DEMO-ZONE' ? 2 : 3);
    return this.ids()
      .map((id) => this.inForce(id, day))
      .filter((s): s is DiscretionStandard => !!s && s.violationKind === violationKind && listAppliesTo(s.region, bureau))
      .sort((a, b) => rank(a.region) - rank(b.region) || a.standardId.localeCompare(b.standardId));
  }
}
