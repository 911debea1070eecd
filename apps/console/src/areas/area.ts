import type { ReactElement } from 'react';
import type { Role } from '../session/session';

/**
 * One screen of the console, contributed by an area (officer, bureau, penalties, auditor,
 * dashboards). The shell builds the router and the navigation from these; a screen shows in the
 * navigation only for the roles it lists (the API enforces the same rules on its own).
 */
export interface Screen {
  /** Route path under the console root, e.g. `referrals/:referralId`. */
  path: string;
  element: ReactElement;
  roles: readonly Role[];
  /** i18n key of the navigation label (`<namespace>:<key>`); screens without one are not in the menu. */
  navLabel?: string;
}
