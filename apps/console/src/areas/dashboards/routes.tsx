import './dashboards.css';
import type { Screen } from '../area';
import { Dashboards } from './dashboards';

/** The dashboards area's screens (see ../area.ts). */
export const dashboardsScreens: Screen[] = [{ path: 'dashboards', element: <Dashboards />, roles: ['officer', 'bureau', 'auditor', 'admin'], navLabel: 'dashboards:nav.dashboards' }];
