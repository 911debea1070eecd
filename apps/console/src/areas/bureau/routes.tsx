import type { Screen } from '../area';
import { AssistancePage } from './assistance-page';
import { Inbox } from './inbox';
import { ReferralPage } from './referral-page';

/** The partner bureau's screens: the inbox, a referral, an assistance request. */
export const bureauScreens: Screen[] = [
  { path: 'inbox', element: <Inbox />, roles: ['bureau', 'officer'], navLabel: 'bureau:nav.inbox' },
  { path: 'referrals/:referralId', element: <ReferralPage />, roles: ['bureau', 'officer', 'auditor', 'admin'] },
  { path: 'assistance/:assistanceId', element: <AssistancePage />, roles: ['bureau', 'officer', 'auditor', 'admin'] },
];
