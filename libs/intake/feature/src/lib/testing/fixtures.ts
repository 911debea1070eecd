import { withCreditCodeCheckChar } from '@yrd/bureaus';
import type { Actor } from '@yrd/contracts';
import { SubmitClueCommand } from '../usecases/submit-clue/submit-clue.command';

export const QINGPU_OFFICER: Actor = { userId: 'officer-qp-1', bureau: '310118', role: 'officer' };
export const JIASHAN_OFFICER: Actor = { userId: 'officer-jsh-1', bureau: '330421', role: 'officer' };
export const JIASHAN_COMPANY = withCreditCodeCheckChar('91330421MA2B00001');
export const QINGPU_COMPANY = withCreditCodeCheckChar('91310118MA1J00001');

/** Monday 2026-11-23, 10:00 in China. */
export const MONDAY = new Date('2026-11-23T02:00:00Z');

export function submitCommand(
  actor: Actor,
  over: Partial<SubmitClueCommand['clue']> & { creditCode?: string } = {},
): SubmitClueCommand {
  const { creditCode = JIASHAN_COMPANY, ...rest } = over;
  return SubmitClueCommand.create(actor, {
    subject: { name: 'Some food company', creditCode },
    allegedViolation: 'labels that do not meet the food-safety standard',
    facts: 'found in a Qingpu supermarket',
    place: { divisionCode: '310118', address: 'Qingpu, some road 1' },
    evidenceRefs: ['ev-1'],
    urgency: 'normal',
    ...rest,
  });
}
