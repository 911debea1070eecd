import { bureauRegistry, DEFAULT_DESIGNATING_AUTHORITY_POLICY, type BureauRegistry } from '@yrd/bureaus';
import type { Locale } from './channel';

/** What routing asks about bureaus: superiors, the regions, names, and whether a code exists. */
export interface BureauDirectory {
  /** The nearest superior bureau(s) of a bureau; empty for a province or an unknown code. */
  supervisorsOf(code: string): string[];
  /** Every province-level bureau. */
  regions(): string[];
  displayName(code: string, locale: Locale): string;
  /** A registered bureau or a known authority. */
  isKnown(code: string): boolean;
}

const AUTHORITY_NAMES: Record<string, Record<Locale, string>> = {
  [DEFAULT_DESIGNATING_AUTHORITY_POLICY.crossProvinceAuthority]: {
    zh: '长三角市场监管联动执法协调机制',
    en: 'Yangtze River Delta joint enforcement mechanism',
  },
};

/** The directory over the bundled bureau registry and the known authorities. */
export function registryDirectory(registry: BureauRegistry = bureauRegistry, authorities = AUTHORITY_NAMES): BureauDirectory {
  return {
    supervisorsOf: (code) => {
      const parent = registry.parentOf(code);
      return parent ? [parent.code] : [];
    },
    regions: () => registry.bureaus.filter((b) => b.level === 'province').map((b) => b.code),
    displayName: (code, locale) => {
      const authority = authorities[code];
      if (authority) return authority[locale];
      const bureau = registry.findBureau(code);
      if (!bureau) return code;
      return locale === 'zh' ? (registry.bureauNameOf(code) ?? code) : `${bureau.nameEn} Administration for Market Regulation`;
    },
    isKnown: (code) => registry.findBureau(code) !== undefined || code in authorities,
  };
}
