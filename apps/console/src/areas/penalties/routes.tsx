import './penalties.css';
import type { Screen } from '../area';
import { ExemptionEvaluate } from './exemption-evaluate';
import { InterceptionCheck } from './interception-check';
import { RecognitionQueue } from './recognition-queue';

/** The penalties area's screens (see ../area.ts). */
export const penaltiesScreens: Screen[] = [
  { path: 'penalties/recognitions', element: <RecognitionQueue />, roles: ['officer', 'bureau', 'auditor', 'admin'], navLabel: 'penalties:nav.recognitions' },
  { path: 'penalties/check', element: <InterceptionCheck />, roles: ['officer', 'bureau', 'auditor', 'admin'], navLabel: 'penalties:nav.check' },
  { path: 'penalties/exemptions', element: <ExemptionEvaluate />, roles: ['officer', 'bureau', 'admin'], navLabel: 'penalties:nav.exemptions' },
];
