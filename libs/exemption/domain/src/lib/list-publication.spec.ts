import { bundledRegistry } from './bundled-lists';
import * as ListPublication from './list-publication';
import { ExemptionList } from './list.schema';
import { ListRegistry } from './list-registry';
import { evaluateCase } from './evaluator';
import { jiashanAdCase } from './testing/cases';

const now = new Date('2026-06-01T02:00:00Z');
const zj = (registry: ListRegistry) => registry.latest('zj-light-violations') as ExemptionList;
const nextVersion = (registry: ListRegistry, overrides: Partial<ExemptionList> = {}): ExemptionList => ({
  ...zj(registry),
  version: 2,
  effectiveFrom: '2026-07-01',
  items: zj(registry).items.filter((i) => i.itemId !== 'ZJ-04'),
  ...overrides,
});
const publish = (registry: ListRegistry, file: unknown, today = '2026-06-01', state = ListPublication.initialState()) =>
  ListPublication.decide({ type: 'PublishListVersion', data: { file, by: 'admin-1', today } }, state, now, registry);

describe('publishing a list version', () => {
  it('a bad file is refused naming the exact item and field', () => {
    const registry = bundledRegistry();
    const good = nextVersion(registry);
    const bad = { ...good, items: good.items.map((i, n) => (n === 1 ? { ...i, conditions: [{ type: 'first-violation', withinYears: 'two' }] } : i)) };
    const r = publish(registry, bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_LIST');
    expect(r.error.problems).toEqual([{ path: 'items[1].conditions[0].withinYears', itemId: 'ZJ-02', field: 'conditions[0].withinYears', message: expect.stringContaining('expected number') }]);
    expect(r.error.message).toContain('item ZJ-02 (items[1]) field conditions[0].withinYears');
  });

  it('an unknown outcome and a duplicate item id are named too', () => {
    const registry = bundledRegistry();
    const good = nextVersion(registry);
    const bad = { ...good, items: [{ ...good.items[0], outcome: '免罚' }, { ...good.items[1], itemId: good.items[0].itemId }] };
    const r = publish(registry, bad);
    expect(!r.ok && r.error.problems?.map((p) => `${p.itemId}:${p.field}`).sort()).toEqual(['ZJ-01:itemId', 'ZJ-01:outcome']);
  });

  it('never edits a published version, nor goes back in version or in time', () => {
    const registry = bundledRegistry();
    expect(publish(registry, { ...zj(registry), title: 'changed' })).toMatchObject({ ok: false, error: { code: 'VERSION_EXISTS' } });
    expect(publish(registry, nextVersion(registry, { effectiveFrom: '2026-05-01' }))).toMatchObject({ ok: false, error: { code: 'RETROACTIVE' } });
    expect(publish(registry, nextVersion(registry, { region: '320000' }))).toMatchObject({ ok: false, error: { code: 'SCOPE_CHANGED' } });
    const once = publish(registry, nextVersion(registry));
    const state = once.ok ? once.value.reduce(ListPublication.evolve, ListPublication.initialState()) : ListPublication.initialState();
    expect(publish(registry, nextVersion(registry), '2026-06-01', state)).toMatchObject({ ok: false, error: { code: 'VERSION_EXISTS' } });
  });

  it('the new version takes over on its effective date; the old one answers the day before', () => {
    const registry = bundledRegistry();
    const r = publish(registry, nextVersion(registry));
    if (!r.ok) throw new Error(r.error.message);
    const [published] = r.value;
    expect(published.data).toMatchObject({ listId: 'zj-light-violations', version: 2, effectiveFrom: '2026-07-01', itemCount: 3, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    registry.add(published.data.list);
    const before = evaluateCase(registry, jiashanAdCase({ caseDate: '2026-06-30' }), []);
    const on = evaluateCase(registry, jiashanAdCase({ caseDate: '2026-07-01' }), []);
    expect(before.listsInForce.find((l) => l.listId === 'zj-light-violations')?.version).toBe(1);
    expect(before.items.some((i) => i.itemId === 'ZJ-04')).toBe(true);
    expect(on.listsInForce.find((l) => l.listId === 'zj-light-violations')?.version).toBe(2);
    expect(on.items.some((i) => i.itemId === 'ZJ-04')).toBe(false);
  });
});
