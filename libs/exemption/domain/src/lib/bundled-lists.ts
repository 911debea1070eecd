import ah1 from './lists/ah-light-violations.v1.json';
import dz1 from './lists/demo-zone-light-violations.v1.json';
import js3 from './lists/js-light-violations.v3.json';
import sh1 from './lists/sh-light-violations.v1.json';
import sh2 from './lists/sh-light-violations.v2.json';
import ncYrd1 from './lists/yrd-no-compulsion.v1.json';
import yrd1 from './lists/yrd-unified.v1.json';
import zj1 from './lists/zj-light-violations.v1.json';
import { ListRegistry } from './list-registry';

/** The list versions shipped with the code (validated when the registry is built). */
export const BUNDLED_LISTS: readonly unknown[] = [yrd1, ncYrd1, sh1, sh2, js3, zj1, ah1, dz1];

/** A registry of the bundled versions; published versions are added to it as they arrive. */
export const bundledRegistry = (): ListRegistry => new ListRegistry(BUNDLED_LISTS);
