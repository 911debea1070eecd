import './auditor.css';
import type { Screen } from '../area';
import { CaseTimelineScreen } from './case-timeline';
import { ReceiptVerify } from './receipt-verify';
import { ReplaysScreen } from './replays';

/** The auditor area's screens (see ../area.ts). */
export const auditorScreens: Screen[] = [
  { path: 'audit/timeline', element: <CaseTimelineScreen />, roles: ['auditor', 'admin'], navLabel: 'auditor:nav.timeline' },
  { path: 'audit/timeline/:caseId', element: <CaseTimelineScreen />, roles: ['auditor', 'admin'] },
  { path: 'audit/replays', element: <ReplaysScreen />, roles: ['auditor', 'admin'], navLabel: 'auditor:nav.replays' },
  { path: 'audit/replays/:runId', element: <ReplaysScreen />, roles: ['auditor', 'admin'] },
  { path: 'audit/receipts', element: <ReceiptVerify />, roles: ['officer', 'bureau', 'auditor', 'admin'], navLabel: 'auditor:nav.receipts' },
];
