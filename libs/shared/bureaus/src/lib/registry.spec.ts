import { ANHUI, Bureau, BUREAUS, JIANGSU, JIASHAN, QINGPU, SHANGHAI, WUJIANG, ZHEJIANG } from './bureaus.data';
import {
  ancestorsOf,
  BureauRegistry,
  BureauRegistryError,
  bureauRegistry,
  commonSuperior,
  competentBureauFor,
  designatingAuthorityFor,
  findBureau,
  isWithinJurisdiction,
  parentOf,
  provinceOf,
} from './registry';

const codes = (bs: readonly { code: string }[]): string[] => bs.map((b) => b.code);

describe('bureau registry (reference data)', () => {
  it('has the four provinces, their prefecture-level cities (Shanghai: districts) and the demo zone counties', () => {
    const count = (province: string, level: string): number =>
      BUREAUS.filter((b) => b.parent === province && b.level === level).length;
    expect(BUREAUS.filter((b) => b.level === 'province').map((b) => b.code)).toEqual([
      SHANGHAI,
      JIANGSU,
      ZHEJIANG,
      ANHUI,
    ]);
    expect(count(SHANGHAI, 'county')).toBe(16);
    expect(count(JIANGSU, 'city')).toBe(13);
    expect(count(ZHEJIANG, 'city')).toBe(11);
    expect(count(ANHUI, 'city')).toBe(16);
    expect(codes(bureauRegistry.demoZone())).toEqual([QINGPU, WUJIANG, JIASHAN]);
  });

  it('describes each bureau', () => {
    expect(findBureau(QINGPU)).toEqual({
      code: '310118',
      name: '青浦区',
      nameEn: 'Qingpu',
      level: 'county',
      parent: SHANGHAI,
      demoZone: true,
    });
    expect(findBureau(WUJIANG)).toMatchObject({ name: '吴江区', level: 'county', parent: '320500', demoZone: true });
    expect(findBureau(JIASHAN)).toMatchObject({ name: '嘉善县', level: 'county', parent: '330400', demoZone: true });
    expect(findBureau('320500')).toMatchObject({ name: '苏州市', nameEn: 'Suzhou', level: 'city', demoZone: false });
    expect(findBureau('999999')).toBeUndefined();
    expect(bureauRegistry.bureauNameOf(WUJIANG)).toBe('苏州市吴江区市场监督管理局');
    expect(bureauRegistry.bureauNameOf(QINGPU)).toBe('上海市青浦区市场监督管理局');
    expect(bureauRegistry.bureauNameOf(JIASHAN)).toBe('嘉善县市场监督管理局');
    expect(bureauRegistry.bureauNameOf(ZHEJIANG)).toBe('浙江省市场监督管理局');
  });

  it('walks the tree', () => {
    expect(parentOf(WUJIANG)?.code).toBe('320500');
    expect(parentOf(JIANGSU)).toBeUndefined();
    expect(codes(ancestorsOf(WUJIANG))).toEqual(['320500', JIANGSU]);
    expect(codes(ancestorsOf(QINGPU))).toEqual([SHANGHAI]);
    expect(provinceOf(JIASHAN)?.code).toBe(ZHEJIANG);
    expect(provinceOf(ANHUI)?.code).toBe(ANHUI);
  });

  describe('commonSuperior', () => {
    it.each([
      ['310118', '310117', SHANGHAI],
      [WUJIANG, '320100', JIANGSU],
      [WUJIANG, '320500', '320500'],
      [JIASHAN, '330100', ZHEJIANG],
      [JIASHAN, JIASHAN, JIASHAN],
    ])('%s and %s → %s', (a, b, expected) => {
      expect(commonSuperior(a, b)?.code).toBe(expected);
      expect(commonSuperior(b, a)?.code).toBe(expected);
    });

    it('is undefined across provinces (Wujiang and Jiashan: only SAMR is above both) or for unknown codes', () => {
      expect(commonSuperior(WUJIANG, JIASHAN)).toBeUndefined();
      expect(commonSuperior(QINGPU, '340100')).toBeUndefined();
      expect(commonSuperior(QINGPU, '110000')).toBeUndefined();
    });
  });

  describe('designatingAuthorityFor', () => {
    it('is the common superior within a province', () => {
      expect(designatingAuthorityFor(WUJIANG, '320100')).toMatchObject({ kind: 'common-superior', authority: JIANGSU });
    });
    it('is the configured joint mechanism across provinces', () => {
      expect(designatingAuthorityFor(WUJIANG, JIASHAN)).toEqual({ kind: 'joint-mechanism', authority: 'YRD-JOINT' });
      expect(designatingAuthorityFor(WUJIANG, JIASHAN, { crossProvinceAuthority: 'SAMR' })).toEqual({
        kind: 'joint-mechanism',
        authority: 'SAMR',
      });
    });
    it('throws on unknown bureaus or a malformed authority id', () => {
      expect(() => designatingAuthorityFor(WUJIANG, '110000')).toThrow(BureauRegistryError);
      expect(() => designatingAuthorityFor(WUJIANG, JIASHAN, { crossProvinceAuthority: 'joint' })).toThrow(
        BureauRegistryError,
      );
    });
  });

  describe('isWithinJurisdiction', () => {
    it.each([
      [JIANGSU, '320509', true],
      ['320500', '320509', true],
      ['320500', '320506', true],
      [WUJIANG, '320509', true],
      [WUJIANG, '320506', false],
      [SHANGHAI, QINGPU, true],
      [QINGPU, '310117', false],
      ['330400', '330481', true],
      [ZHEJIANG, '320509', false],
      [JIANGSU, '3205', false],
      ['123456', '320509', false],
    ])('%s covers %s: %s', (bureau, division, expected) => {
      expect(isWithinJurisdiction(bureau, division)).toBe(expected);
    });
  });

  describe('competentBureauFor', () => {
    it.each([
      ['320509', WUJIANG],
      ['320506', '320500'],
      ['330421', JIASHAN],
      ['330481', '330400'],
      ['310118', QINGPU],
      ['310100', SHANGHAI],
      ['341522', '341500'],
      ['320000', JIANGSU],
    ])('%s → %s', (division, expected) => {
      expect(competentBureauFor(division)?.code).toBe(expected);
    });
    it('is undefined outside the Delta or for malformed codes', () => {
      expect(competentBureauFor('110105')).toBeUndefined();
      expect(competentBureauFor('32050')).toBeUndefined();
    });
  });

  it('rejects inconsistent data', () => {
    const sh: Bureau = { code: SHANGHAI, name: '上海市', nameEn: 'Shanghai', level: 'province', demoZone: false };
    expect(() => new BureauRegistry([sh, sh])).toThrow(/twice/);
    expect(() => new BureauRegistry([{ ...sh, code: '3100' }])).toThrow(/division code/);
    expect(
      () =>
        new BureauRegistry([
          sh,
          { code: '320500', name: 'x', nameEn: 'x', level: 'city', parent: SHANGHAI, demoZone: false },
        ]),
    ).toThrow(/outside its parent/);
    expect(
      () =>
        new BureauRegistry([
          { code: '320509', name: 'x', nameEn: 'x', level: 'county', parent: '320500', demoZone: false },
        ]),
    ).toThrow(/not registered/);
  });
});
