import { BUNDLED_LISTS, bundledRegistry } from './bundled-lists';
import { validateListFile } from './list-validation';

describe('bundled lists', () => {
  it('every shipped file validates and names its source document', () => {
    for (const raw of BUNDLED_LISTS) {
      const v = validateListFile(raw);
      expect(v.ok ? v.list.sourceDocument.title.length : v.summary).toBeGreaterThan(0);
    }
  });

  it('a unified list, a list for each province and the demonstration zone, and the no-compulsion list', () => {
    const r = bundledRegistry();
    expect(r.listIds().map((id) => r.latest(id)?.region)).toEqual(
      expect.arrayContaining(['YRD', '310000', '320000', '330000', '340000', 'DEMO-ZONE']),
    );
    expect(r.latest('yrd-no-compulsion')?.kind).toBe('no-compulsion');
  });

  it('lists in force depend on the bureau and the day', () => {
    const r = bundledRegistry();
    const ids = (bureau: string, day: string) => r.inForceFor(bureau, day).map((l) => `${l.listId}@${l.version}`).sort();
    expect(ids('310118', '2023-06-01')).toEqual(['demo-zone-light-violations@1', 'sh-light-violations@1']);
    expect(ids('310118', '2026-06-01')).toEqual(['sh-light-violations@2', 'yrd-no-compulsion@1', 'yrd-unified@1']);
    expect(ids('340100', '2026-06-01')).toEqual(['ah-light-violations@1', 'yrd-no-compulsion@1', 'yrd-unified@1']);
  });
});
