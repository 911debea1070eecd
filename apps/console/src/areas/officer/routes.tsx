import type { Screen } from '../area';

/** The officer area's screens (see ../area.ts). */
export const officerScreens: Screen[] = [];
