import type { Screen } from '../areas/area';
import { officerScreens } from '../areas/officer/routes';
import { bureauScreens } from '../areas/bureau/routes';
import { penaltiesScreens } from '../areas/penalties/routes';
import { bulletinsScreens } from '../areas/bulletins/routes';
import { auditorScreens } from '../areas/auditor/routes';
import { dashboardsScreens } from '../areas/dashboards/routes';

/** Every screen of the console, in menu order. */
export const allScreens: Screen[] = [
  ...officerScreens,
  ...bureauScreens,
  ...penaltiesScreens,
  ...bulletinsScreens,
  ...auditorScreens,
  ...dashboardsScreens,
];
