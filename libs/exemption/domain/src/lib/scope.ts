import { bureauRegistry } from '@yrd/bureaus';

const DELTA_PROVINCES = ['310000', '320000', '330000', '340000'];

/** The region (province) of a bureau. */
export const regionOfBureau = (bureau: string): string | undefined => bureauRegistry.provinceOf(bureau)?.code;

/** Whether a list issued for `region` applies to a case handled by `bureau`. */
export function listAppliesTo(region: string, bureau: string): boolean {
  const b = bureauRegistry.findBureau(bureau);
  if (!b) return false;
  if (region === 'YRD') return DELTA_PROVINCES.includes(regionOfBureau(bureau) ?? '');
  if (region === 'DEMO-ZONE') return b.demoZone;
  return bureauRegistry.isWithinJurisdiction(region, bureau);
}
