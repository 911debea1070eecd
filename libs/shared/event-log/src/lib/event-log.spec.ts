import { eventLog } from './event-log';

describe('eventLog', () => {
  it('should work', () => {
    expect(eventLog()).toEqual('event-log');
  });
});
