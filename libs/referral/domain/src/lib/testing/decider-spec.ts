import { DEFAULT_DESIGNATING_AUTHORITY_POLICY, bureauRegistry } from '@yrd/bureaus';
import { bundledNotices, HolidayCalendar } from '@yrd/calendar';
import { DomainContext } from '../deadline';
import { DomainError } from '../errors';
import { Result } from '../result';

/** The shape every aggregate module has. */
export interface Decider<C, E, S> {
  initialState: S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S, now: Date, context?: DomainContext): Result<E[], DomainError>;
}

/**
 * Given/when/then for deciders, framework-free:
 *   const result = spec(Referral, ctx).given([created, delivered]).when(accept, now);
 *   expect(events(result)).toEqual([...]);  expect(error(result).code).toBe('…');
 */
export function spec<C, E, S>(decider: Decider<C, E, S>, context: DomainContext) {
  return {
    given(events: readonly E[]) {
      const state = events.reduce(decider.evolve, decider.initialState);
      return {
        state,
        when(command: C, now: Date): Result<E[], DomainError> {
          return decider.decide(command, state, now, context);
        },
      };
    },
  };
}

export function events<E>(result: Result<E[], DomainError>): E[] {
  if (!result.ok) throw new Error(`expected events, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function error<E>(result: Result<E[], DomainError>): DomainError {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** A deterministic context: holiday notices up to 2026 only (as chinese-days 1.5.7), fresh per call. */
export function testContext(overrides: Partial<DomainContext> = {}): DomainContext {
  return {
    calendar: new HolidayCalendar(bundledNotices().filter((n) => n.year <= 2026)),
    registry: bureauRegistry,
    designatingPolicy: DEFAULT_DESIGNATING_AUTHORITY_POLICY,
    ...overrides,
  };
}

/** An instant at 10:00 China time on the given date. */
export const chinaMorning = (date: string): Date => new Date(`${date}T02:00:00Z`);

/** A made-up 2027 arrangement for tests (NOT the real notice). */
export const FAKE_2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: [],
  source: { title: 'test fixture: 2027 arrangement', urls: [] },
};
