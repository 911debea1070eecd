import type { Screen } from '../area';
import { MyClues } from './my-clues';
import { SubmitClue } from './submit-clue';

/** The officer's screens: submit a clue, my bureau's clues and cases. */
export const officerScreens: Screen[] = [
  { path: 'clues/new', element: <SubmitClue />, roles: ['officer'], navLabel: 'officer:nav.submit' },
  { path: 'clues', element: <MyClues />, roles: ['officer'], navLabel: 'officer:nav.myClues' },
];
