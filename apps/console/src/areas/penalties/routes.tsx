import type { Screen } from '../area';

/** The penalties area's screens (see ../area.ts). */
export const penaltiesScreens: Screen[] = [];
