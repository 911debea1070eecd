import { DELTA_REGIONS } from './regions';

/**
 * How a region treats decisions from the other regions: categories it recognises automatically;
 * everything else waits in its review queue for a bureau of the region to recognise or decline.
 */
export interface RecognitionPolicy {
  region: string;
  automaticCategories: string[];
}

/**
 * Default policy (configurable data): categories where the Delta's unified standards make the
 * decision safe to recognise without review — food safety, product quality and advertising.
 */
export const DEFAULT_AUTOMATIC_CATEGORIES: readonly string[] = ['food-safety', 'product-quality', 'advertising'];

export const defaultPolicies = (categories: readonly string[] = DEFAULT_AUTOMATIC_CATEGORIES): RecognitionPolicy[] =>
  DELTA_REGIONS.map((region) => ({ region, automaticCategories: [...categories] }));

export const isAutomatic = (policy: RecognitionPolicy | undefined, category: string): boolean =>
  !!policy && policy.automaticCategories.includes(category);
