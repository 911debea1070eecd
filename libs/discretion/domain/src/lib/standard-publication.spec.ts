import v1 from './standards/yrd-advertising-absolute-terms.v1.json';
import v2 from './standards/yrd-advertising-absolute-terms.v2.json';
import { BUNDLED_STANDARDS, bundledStandards } from './bundled-standards';
import { decide, initialState } from './standard-publication';
import { validateStandardFile } from './standard.schema';

const now = new Date('2026-12-02T10:00:00Z');
const command = (file: unknown) => ({ type: 'PublishStandardVersion' as const, data: { file, by: 'admin-1', today: '2026-12-02' } });

describe('discretion standard files and publication', () => {
  it('every shipped version validates and names its sources, each quoted or paraphrased', () => {
    for (const raw of BUNDLED_STANDARDS) {
      const v = validateStandardFile(raw);
      expect(v.ok ? v.standard.sources.length : v.summary).toBeGreaterThan(0);
      if (v.ok) expect(v.standard.bands.map((b) => b.band).sort()).toEqual(['一般', '不予处罚', '从轻', '从重', '减轻'].sort());
    }
  });

  it('given a file without a default band — then it is refused naming the field', () => {
    const bad = { ...v1, bands: v1.bands.slice(0, 4) };
    const r = decide(command(bad), initialState(), now, bundledStandards());
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STANDARD' } });
    expect(!r.ok && r.error.message).toContain('bands');
  });

  it('given a published version — then it is never replaced; an older effective date is refused; a new version is published', () => {
    const registry = bundledStandards();
    expect(decide(command(v2), initialState(), now, registry)).toMatchObject({ ok: false, error: { code: 'VERSION_EXISTS' } });
    expect(decide(command({ ...v2, version: 3, effectiveFrom: '2026-01-01' }), initialState(), now, registry)).toMatchObject({ ok: false, error: { code: 'RETROACTIVE' } });
    expect(decide(command({ ...v2, version: 3, region: '310000' }), initialState(), now, registry)).toMatchObject({ ok: false, error: { code: 'SCOPE_CHANGED' } });
    const ok = decide(command({ ...v2, version: 3, effectiveFrom: '2027-06-01' }), initialState(), now, registry);
    expect(ok).toMatchObject({ ok: true, value: [{ type: 'discretion-standard.published', data: { standardId: 'yrd-advertising-absolute-terms', version: 3 } }] });
  });
});
