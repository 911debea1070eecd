import type { EventEnvelope } from '@yrd/contracts';
import { chainEvents, fixtureSigner, emptyHead } from '@yrd/event-log';
import { toCommit, type CommitDocument } from './commit';
import type { CommitStore } from './commit-store';
import { HeldBack, OutboxRelay } from './outbox-relay';

const meta = { actor: { userId: 'u', bureau: '310118', role: 'system' as const }, correlationId: 'c', causationId: null, now: new Date('2026-03-02T00:00:00Z') };

function commitOf(streamId: string, n = 1): CommitDocument {
  const events = chainEvents(emptyHead(streamId), Array.from({ length: n }, (_, seq) => ({ type: 'backbone.probed', data: { seq } })), meta, fixtureSigner('audit'));
  return toCommit(events, meta.now);
}

/** An in-memory stand-in for the store: only what the relay calls. */
class FakeStore {
  marked: string[] = [];
  unpublished: CommitDocument[] = [];
  async markPublished(ids: readonly string[]) {
    this.marked.push(...ids);
  }
  async findUnpublished() {
    return this.unpublished.filter((c) => !this.marked.includes(c._id));
  }
}

describe('toCommit', () => {
  it('names the commit after the stream and its first version', () => {
    const c = commitOf('probe-a', 3);
    expect(c).toMatchObject({ _id: 'probe-a:1', streamId: 'probe-a', firstVersion: 1, lastVersion: 3, published: false });
  });

  it('refuses an empty commit and one spanning two streams', () => {
    expect(() => toCommit([], new Date())).toThrow('at least one event');
    const mixed = [...commitOf('probe-a').events, ...commitOf('probe-b').events];
    expect(() => toCommit(mixed, new Date())).toThrow('one stream');
  });
});

describe('OutboxRelay', () => {
  it('publishes commits in the order they were handed over, then marks them', async () => {
    const store = new FakeStore();
    const published: EventEnvelope[] = [];
    const relay = new OutboxRelay(store as unknown as CommitStore, { publish: async (e) => void published.push(...e) });
    const commits = ['probe-a', 'probe-b', 'probe-c'].map((s) => commitOf(s, 2));
    await Promise.all(commits.map((c) => relay.relay(c)));
    await relay.stop();
    expect(published.map((e) => `${e.streamId}@${e.streamVersion}`)).toEqual(['probe-a@1', 'probe-a@2', 'probe-b@1', 'probe-b@2', 'probe-c@1', 'probe-c@2']);
    expect(store.marked.sort()).toEqual(['probe-a:1', 'probe-b:1', 'probe-c:1']);
  });

  it('leaves a commit unmarked when publishing fails, and the sweep publishes it again', async () => {
    const store = new FakeStore();
    let fail = true;
    const published: string[] = [];
    const errors: unknown[] = [];
    const relay = new OutboxRelay(
      store as unknown as CommitStore,
      {
        publish: async (events) => {
          if (fail) throw new Error('broker unavailable');
          published.push(...events.map((e) => e.eventId));
        },
      },
      { onError: (e) => errors.push(e) },
    );
    const commit = commitOf('probe-x');
    store.unpublished.push(commit);
    await expect(relay.relay(commit)).rejects.toThrow('broker unavailable');
    expect(store.marked).toEqual([]);
    fail = false;
    expect(await relay.sweep(0)).toBe(1);
    expect(published).toEqual([commit.events[0].eventId]);
    expect(store.marked).toEqual(['probe-x:1']);
    expect(errors).toHaveLength(1);
  });

  it('holds a stream after a failed publish: its later commits wait for the sweep, which publishes them in version order', async () => {
    const store = new FakeStore();
    let fail = true;
    const published: string[] = [];
    const relay = new OutboxRelay(
      store as unknown as CommitStore,
      {
        publish: async (events) => {
          if (fail) throw new Error('broker unavailable');
          published.push(...events.map((e) => `${e.streamId}@${e.streamVersion}`));
        },
      },
      { onError: () => undefined },
    );
    const events = chainEvents(emptyHead('probe-h'), Array.from({ length: 3 }, (_, seq) => ({ type: 'backbone.probed', data: { seq } })), meta, fixtureSigner('audit'));
    const [c1, c2, c3] = events.map((e, i) => toCommit([e], new Date(meta.now.getTime() + i)));
    store.unpublished.push(c1, c2);
    await expect(relay.relay(c1)).rejects.toThrow('broker unavailable');
    fail = false;
    // The broker is back, but v2 must not overtake v1.
    await expect(relay.relay(c2)).rejects.toBeInstanceOf(HeldBack);
    expect(published).toEqual([]);
    expect(await relay.sweep(60_000)).toBe(2);
    expect(published).toEqual(['probe-h@1', 'probe-h@2']);
    // Released: the next commit goes out live.
    await relay.relay(c3);
    expect(published).toEqual(['probe-h@1', 'probe-h@2', 'probe-h@3']);
    await relay.stop();
    expect(store.marked.sort()).toEqual(['probe-h:1', 'probe-h:2', 'probe-h:3']);
  });
});
