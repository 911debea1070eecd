import { referralConfigFrom } from './config';

describe('referral config', () => {
  it('defaults: prefix yrd, reminder 3 working days, real time', () => {
    expect(referralConfigFrom({})).toEqual({ queuePrefix: 'yrd', reminderWorkingDays: 3, secondsPerWorkingDay: undefined });
  });

  it('reads the variables and names a bad one', () => {
    expect(referralConfigFrom({ QUEUE_PREFIX: 'e2e1', DEADLINE_REMINDER_WORKING_DAYS: '2', DEADLINE_SECONDS_PER_WORKING_DAY: '0.5' })).toEqual({
      queuePrefix: 'e2e1',
      reminderWorkingDays: 2,
      secondsPerWorkingDay: 0.5,
    });
    expect(() => referralConfigFrom({ DEADLINE_SECONDS_PER_WORKING_DAY: '-1' })).toThrow(/DEADLINE_SECONDS_PER_WORKING_DAY/);
    expect(() => referralConfigFrom({ QUEUE_PREFIX: 'a b' })).toThrow(/QUEUE_PREFIX/);
  });
});
