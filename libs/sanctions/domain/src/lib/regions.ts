import { bureauRegistry } from '@yrd/bureaus';

/** The recognising regions: the four provinces of the Delta. The demonstration zone's bureaus belong to theirs. */
export const DELTA_REGIONS: readonly string[] = ['310000', '320000', '330000', '340000'];

/** The region (province division code) a bureau belongs to; undefined for an unknown bureau. */
export const regionOf = (bureau: string): string | undefined => bureauRegistry.provinceOf(bureau)?.code;

/** Whether a bureau lies in a region (a province bureau or any bureau under it). */
export const isInRegion = (bureau: string, region: string): boolean => regionOf(bureau) === region;
