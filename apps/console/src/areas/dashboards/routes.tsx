import type { Screen } from '../area';

/** The dashboards area's screens (see ../area.ts). */
export const dashboardsScreens: Screen[] = [];
