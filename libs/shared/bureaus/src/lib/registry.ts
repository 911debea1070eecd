import { Bureau, BUREAUS } from './bureaus.data';

const DIVISION_CODE = /^\d{6}$/;
const AUTHORITY_ID = /^[A-Z][A-Z0-9-]{1,31}$/;

export const isDivisionCode = (value: unknown): value is string =>
  typeof value === 'string' && DIVISION_CODE.test(value);

/**
 * Who designates jurisdiction (指定管辖) when two bureaus have no common superior in the registry
 * (different provinces: their common superior is SAMR, which is not a party to the Delta
 * mechanism). Configurable, since the joint mechanism's standing is a matter of agreement.
 */
export interface DesignatingAuthorityPolicy {
  /** Authority id used for cross-province disputes, e.g. the Delta joint mechanism. */
  crossProvinceAuthority: string;
}

export const DEFAULT_DESIGNATING_AUTHORITY_POLICY: DesignatingAuthorityPolicy = Object.freeze({
  crossProvinceAuthority: 'YRD-JOINT',
});

export type DesignatingAuthority =
  | { kind: 'common-superior'; authority: string; bureau: Bureau }
  | { kind: 'joint-mechanism'; authority: string };

export class BureauRegistryError extends Error {
  override readonly name = 'BureauRegistryError';
}

/** The bureau tree, with the questions jurisdiction rules ask of it. */
export class BureauRegistry {
  private readonly byCode: ReadonlyMap<string, Bureau>;

  constructor(readonly bureaus: readonly Bureau[]) {
    const byCode = new Map<string, Bureau>();
    for (const b of bureaus) {
      if (!isDivisionCode(b.code)) throw new BureauRegistryError(`bad division code ${b.code}`);
      if (byCode.has(b.code)) throw new BureauRegistryError(`bureau ${b.code} listed twice`);
      byCode.set(b.code, b);
    }
    for (const b of bureaus) {
      if (b.level === 'province') {
        if (b.parent !== undefined) throw new BureauRegistryError(`province ${b.code} cannot have a parent`);
        if (!b.code.endsWith('0000')) throw new BureauRegistryError(`province code ${b.code} must end in 0000`);
        continue;
      }
      const parent = b.parent === undefined ? undefined : byCode.get(b.parent);
      if (!parent) throw new BureauRegistryError(`${b.code}: parent ${String(b.parent)} is not registered`);
      if (parent.level === 'county' || (b.level === 'city' && parent.level !== 'province')) {
        throw new BureauRegistryError(`${b.code} (${b.level}) cannot sit under ${parent.code} (${parent.level})`);
      }
      if (!coversDivision(parent, b.code)) {
        throw new BureauRegistryError(`${b.code} lies outside its parent ${parent.code}`);
      }
    }
    this.byCode = byCode;
  }

  findBureau(code: string): Bureau | undefined {
    return this.byCode.get(code);
  }

  parentOf(code: string): Bureau | undefined {
    const parent = this.byCode.get(code)?.parent;
    return parent === undefined ? undefined : this.byCode.get(parent);
  }

  /** Superiors of a bureau, nearest first (Wujiang → [Suzhou, Jiangsu]). Empty for unknown codes. */
  ancestorsOf(code: string): Bureau[] {
    const out: Bureau[] = [];
    for (let p = this.parentOf(code); p; p = this.parentOf(p.code)) out.push(p);
    return out;
  }

  /** The province bureau a bureau belongs to (itself for a province). */
  provinceOf(code: string): Bureau | undefined {
    const self = this.byCode.get(code);
    if (!self) return undefined;
    return [self, ...this.ancestorsOf(code)].find((b) => b.level === 'province');
  }

  /**
   * The lowest registered bureau whose area contains both bureaus (itself included: for Suzhou and
   * Wujiang it is Suzhou). `undefined` when they lie in different provinces (or a code is unknown):
   * then the common superior is SAMR, and the designating authority comes from the policy.
   */
  commonSuperior(a: string, b: string): Bureau | undefined {
    const bureauA = this.byCode.get(a);
    const bureauB = this.byCode.get(b);
    if (!bureauA || !bureauB) return undefined;
    const chainB = new Set([b, ...this.ancestorsOf(b).map((x) => x.code)]);
    return [bureauA, ...this.ancestorsOf(a)].find((x) => chainB.has(x.code));
  }

  /** Who designates jurisdiction in a dispute between bureaus `a` and `b`. Throws on unknown codes. */
  designatingAuthorityFor(
    a: string,
    b: string,
    policy: DesignatingAuthorityPolicy = DEFAULT_DESIGNATING_AUTHORITY_POLICY,
  ): DesignatingAuthority {
    for (const code of [a, b]) {
      if (!this.byCode.has(code)) throw new BureauRegistryError(`unknown bureau ${code}`);
    }
    if (!AUTHORITY_ID.test(policy.crossProvinceAuthority)) {
      throw new BureauRegistryError(`bad authority id ${policy.crossProvinceAuthority}`);
    }
    const superior = this.commonSuperior(a, b);
    return superior
      ? { kind: 'common-superior', authority: superior.code, bureau: superior }
      : { kind: 'joint-mechanism', authority: policy.crossProvinceAuthority };
  }

  /** Whether a six-digit division code lies in the bureau's area (its own code included). */
  isWithinJurisdiction(bureau: Bureau | string, divisionCode: string): boolean {
    const b = typeof bureau === 'string' ? this.byCode.get(bureau) : bureau;
    return !!b && isDivisionCode(divisionCode) && coversDivision(b, divisionCode);
  }

  /**
   * The most specific registered bureau for a six-digit division code: the county bureau if
   * registered, else the city's, else the province's; `undefined` outside the registry.
   */
  competentBureauFor(divisionCode: string): Bureau | undefined {
    if (!isDivisionCode(divisionCode)) return undefined;
    return (
      this.byCode.get(divisionCode) ??
      this.byCode.get(`${divisionCode.slice(0, 4)}00`) ??
      this.byCode.get(`${divisionCode.slice(0, 2)}0000`)
    );
  }

  demoZone(): Bureau[] {
    return this.bureaus.filter((b) => b.demoZone);
  }

  /** Formal name: 苏州市吴江区市场监督管理局 (a district carries its city), 嘉善县市场监督管理局. */
  bureauNameOf(code: string): string | undefined {
    const b = this.byCode.get(code);
    if (!b) return undefined;
    const parent = this.parentOf(code);
    const prefix = b.level === 'county' && b.name.endsWith('区') && parent ? parent.name : '';
    return `${prefix}${b.name}市场监督管理局`;
  }
}

function coversDivision(bureau: Bureau, divisionCode: string): boolean {
  switch (bureau.level) {
    case 'province':
      return divisionCode.slice(0, 2) === bureau.code.slice(0, 2);
    case 'city':
      return divisionCode.slice(0, 4) === bureau.code.slice(0, 4);
    case 'county':
      return divisionCode === bureau.code;
    default: {
      const _exhaustive: never = bureau.level;
      return _exhaustive;
    }
  }
}

/** The registry built from the bundled reference data. */
export const bureauRegistry = new BureauRegistry(BUREAUS);

export const findBureau = (code: string): Bureau | undefined => bureauRegistry.findBureau(code);
export const parentOf = (code: string): Bureau | undefined => bureauRegistry.parentOf(code);
export const ancestorsOf = (code: string): Bureau[] => bureauRegistry.ancestorsOf(code);
export const provinceOf = (code: string): Bureau | undefined => bureauRegistry.provinceOf(code);
export const commonSuperior = (a: string, b: string): Bureau | undefined => bureauRegistry.commonSuperior(a, b);
export const designatingAuthorityFor = (
  a: string,
  b: string,
  policy: DesignatingAuthorityPolicy = DEFAULT_DESIGNATING_AUTHORITY_POLICY,
): DesignatingAuthority => bureauRegistry.designatingAuthorityFor(a, b, policy);
export const isWithinJurisdiction = (bureau: Bureau | string, divisionCode: string): boolean =>
  bureauRegistry.isWithinJurisdiction(bureau, divisionCode);
export const competentBureauFor = (divisionCode: string): Bureau | undefined =>
  bureauRegistry.competentBureauFor(divisionCode);
