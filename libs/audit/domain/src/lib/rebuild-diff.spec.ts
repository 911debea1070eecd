import { AGGREGATES, aggregateOf, foldEvent, startFold } from './aggregates';
import { diffProjection, diffStreamFolds } from './rebuild-diff';
import { referralLifecycle, referralStream } from './testing/referral-fixtures';

const stream = referralStream('r1', referralLifecycle('r1'));
const fold = (events = stream, hashOf = (e: (typeof stream)[number]) => e.hash) => {
  const f = startFold(aggregateOf('referral-r1')!);
  events.forEach((e) => foldEvent(f, e, hashOf(e)));
  return f;
};

describe('aggregateOf', () => {
  it('names the aggregate by the longest stream id prefix', () => {
    expect(aggregateOf('joint-action-7')?.kind).toBe('joint-action');
    expect(aggregateOf('clue-01J')?.kind).toBe('clue');
    expect(aggregateOf('probe-1')).toBeUndefined();
    expect(AGGREGATES.map((a) => a.kind)).toEqual(['clue', 'referral', 'assistance', 'joint-action']);
  });
});

describe('diffStreamFolds', () => {
  it('finds nothing when the log and the store hold the same events', () => {
    expect(diffStreamFolds('referral-r1', fold(), fold())).toEqual([]);
  });

  it('names the first version where log and store part', () => {
    expect(diffStreamFolds('referral-r1', fold(stream.slice(0, 2)), fold())).toMatchObject([{ kind: 'missing-in-log', version: 3, data: { logStatus: 'delivered', storeStatus: 'accepted' } }]);
    expect(diffStreamFolds('referral-r1', fold(), fold(stream.slice(0, 1)))).toMatchObject([{ kind: 'missing-in-store', version: 2 }]);
    expect(diffStreamFolds('referral-r1', fold([stream[0], ...stream.slice(2)]), fold())).toMatchObject([{ kind: 'missing-in-log', version: 2 }]);
    const altered = fold(stream, (e) => (e.streamVersion === 2 ? 'f'.repeat(64) : e.hash));
    expect(diffStreamFolds('referral-r1', altered, fold())).toMatchObject([{ kind: 'event-differs', version: 2 }]);
    expect(diffStreamFolds('referral-r1', undefined, fold())).toMatchObject([{ kind: 'missing-in-log', version: 1 }]);
  });
});

describe('diffProjection', () => {
  const f = fold();
  it('accepts a read model at the same version and status', () => {
    expect(diffProjection('referral-r1', f, { _id: 'r1', version: f.version, status: 'accepted' })).toEqual([]);
  });

  it('reports an edited status at the version it claims, a lagging version where it starts, a missing document', () => {
    expect(diffProjection('referral-r1', f, { _id: 'r1', version: f.version, status: 'rejected' })).toMatchObject([
      { kind: 'projection-differs', version: f.version, data: { field: 'status', expected: 'accepted', actual: 'rejected' } },
    ]);
    expect(diffProjection('referral-r1', f, { _id: 'r1', version: 1, status: 'created' })).toMatchObject([{ kind: 'projection-differs', version: 2, data: { field: 'version' } }]);
    expect(diffProjection('referral-r1', f, null)).toMatchObject([{ kind: 'projection-missing', version: 1 }]);
  });

  it('maps the clue aggregate status to the clue view status', () => {
    const clue = aggregateOf('clue-c1')!;
    expect(clue.projection?.expectedStatus({ status: 'routed' })).toBe('referred');
    expect(clue.projection?.expectedStatus({ status: 'none' })).toBeNull();
    expect(clue.projection?.idOf('clue-c1')).toBe('c1');
  });
});
