import v1 from './standards/yrd-advertising-absolute-terms.v1.json';
import v2 from './standards/yrd-advertising-absolute-terms.v2.json';
import { StandardRegistry } from './standard-registry';

/** The standard versions shipped with the code (validated when the registry is built). */
export const BUNDLED_STANDARDS: readonly unknown[] = [v1, v2];

export const bundledStandards = (): StandardRegistry => new StandardRegistry(BUNDLED_STANDARDS);
