import type { Screen } from '../area';

/** The auditor area's screens (see ../area.ts). */
export const auditorScreens: Screen[] = [];
