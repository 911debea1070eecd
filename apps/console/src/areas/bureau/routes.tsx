import type { Screen } from '../area';

/** The bureau area's screens (see ../area.ts). */
export const bureauScreens: Screen[] = [];
