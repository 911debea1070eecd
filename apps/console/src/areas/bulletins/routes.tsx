import './bulletins.css';
import type { Screen } from '../area';
import { BulletinList } from './bulletin-list';
import { BulletinPage } from './bulletin-page';
import { CorrectBulletin } from './correct-bulletin';
import { OverdueAcknowledgements } from './overdue-acknowledgements';
import { ProposeBulletin } from './propose-bulletin';

/** The bulletins area's screens (see ../area.ts): joint bulletins (信息通报) of the Delta's bureaus. */
export const bulletinsScreens: Screen[] = [
  { path: 'bulletins', element: <BulletinList />, roles: ['officer', 'bureau', 'auditor', 'admin'], navLabel: 'bulletins:nav.list' },
  { path: 'bulletins/new', element: <ProposeBulletin />, roles: ['bureau'], navLabel: 'bulletins:nav.propose' },
  { path: 'bulletins/overdue', element: <OverdueAcknowledgements />, roles: ['bureau', 'auditor', 'admin'], navLabel: 'bulletins:nav.overdue' },
  { path: 'bulletins/:bulletinId', element: <BulletinPage />, roles: ['officer', 'bureau', 'auditor', 'admin'] },
  { path: 'bulletins/:bulletinId/correct', element: <CorrectBulletin />, roles: ['bureau'] },
];
