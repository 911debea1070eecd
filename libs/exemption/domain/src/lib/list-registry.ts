import { ExemptionList } from './list.schema';
import { listAppliesTo } from './scope';
import { validateListFile } from './list-validation';

export class ListRegistryError extends Error {
  override readonly name = 'ListRegistryError';
}

/**
 * Every published version of every list, and which version of each is in force on a day:
 * the version with the latest effectiveFrom on or before the day, unless its effectiveTo passed.
 * A newer version therefore takes over on its effective date, with no edit to the older one.
 */
export class ListRegistry {
  private readonly byList = new Map<string, ExemptionList[]>();

  constructor(lists: readonly unknown[] = []) {
    for (const raw of lists) {
      const v = validateListFile(raw);
      if (!v.ok) throw new ListRegistryError(`${(raw as { listId?: string })?.listId ?? 'list'}: ${v.summary}`);
      this.add(v.list);
    }
  }

  /** Adds a published version (idempotent for the same version). */
  add(list: ExemptionList): void {
    const versions = this.byList.get(list.listId) ?? [];
    if (versions.some((v) => v.version === list.version)) return;
    this.byList.set(list.listId, [...versions, list].sort((a, b) => a.version - b.version));
  }

  versions(listId: string): ExemptionList[] {
    return [...(this.byList.get(listId) ?? [])];
  }

  get(listId: string, version: number): ExemptionList | undefined {
    return this.byList.get(listId)?.find((v) => v.version === version);
  }

  latest(listId: string): ExemptionList | undefined {
    return this.byList.get(listId)?.at(-1);
  }

  listIds(): string[] {
    return [...this.byList.keys()].sort();
  }

  /** The version of a list in force on `day`, if any. */
  inForce(listId: string, day: string): ExemptionList | undefined {
    const candidates = (this.byList.get(listId) ?? []).filter((v) => v.effectiveFrom <= day && (!v.effectiveTo || day <= v.effectiveTo));
    return candidates.sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? b.version - a.version : a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  }

  /** The lists (one version each) in force on `day` for a case handled by `bureau`. */
  inForceFor(bureau: string, day: string): ExemptionList[] {
    return this.listIds()
      .map((id) => this.inForce(id, day))
      .filter((l): l is ExemptionList => !!l && listAppliesTo(l.region, bureau));
  }
}
