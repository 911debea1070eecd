/**
 * Reference data: the market-supervision bureaus (市场监督管理局) of the Yangtze River Delta,
 * identified by their administrative division code (GB/T 2260). Province bureaus, every
 * prefecture-level city (Shanghai: every district, which is county-level and sits directly under
 * the city-province), and the county-level members of the ecological green integration
 * demonstration zone (长三角生态绿色一体化发展示范区).
 *
 * Edit as data: add a county bureau by adding a row with its parent city's code.
 */
export type BureauLevel = 'province' | 'city' | 'county';

export interface Bureau {
  /** GB/T 2260 six-digit division code; identifies the bureau. */
  readonly code: string;
  /** Chinese name of the division, e.g. 青浦区. */
  readonly name: string;
  readonly nameEn: string;
  readonly level: BureauLevel;
  /** Code of the superior bureau; absent for provinces (whose superior is SAMR). */
  readonly parent?: string;
  /** Member of the demonstration zone (Qingpu, Wujiang, Jiashan). */
  readonly demoZone: boolean;
}

const province = (code: string, name: string, nameEn: string): Bureau => ({
  code,
  name,
  nameEn,
  level: 'province',
  demoZone: false,
});
const under =
  (parent: string, level: 'city' | 'county') =>
  (code: string, name: string, nameEn: string, demoZone = false): Bureau => ({
    code,
    name,
    nameEn,
    level,
    parent,
    demoZone,
  });

const shanghaiDistrict = under('310000', 'county');
const jiangsuCity = under('320000', 'city');
const zhejiangCity = under('330000', 'city');
const anhuiCity = under('340000', 'city');

export const SHANGHAI = '310000';
export const JIANGSU = '320000';
export const ZHEJIANG = '330000';
export const ANHUI = '340000';
export const QINGPU = '310118';
export const WUJIANG = '320509';
export const JIASHAN = '330421';

export const BUREAUS: readonly Bureau[] = [
  province(SHANGHAI, '上海市', 'Shanghai'),
  shanghaiDistrict('310101', '黄浦区', 'Huangpu'),
  shanghaiDistrict('310104', '徐汇区', 'Xuhui'),
  shanghaiDistrict('310105', '长宁区', 'Changning'),
  shanghaiDistrict('310106', '静安区', "Jing'an"),
  shanghaiDistrict('310107', '普陀区', 'Putuo'),
  shanghaiDistrict('310109', '虹口区', 'Hongkou'),
  shanghaiDistrict('310110', '杨浦区', 'Yangpu'),
  shanghaiDistrict('310112', '闵行区', 'Minhang'),
  shanghaiDistrict('310113', '宝山区', 'Baoshan'),
  shanghaiDistrict('310114', '嘉定区', 'Jiading'),
  shanghaiDistrict('310115', '浦东新区', 'Pudong New Area'),
  shanghaiDistrict('310116', '金山区', 'Jinshan'),
  shanghaiDistrict('310117', '松江区', 'Songjiang'),
  shanghaiDistrict(QINGPU, '青浦区', 'Qingpu', true),
  shanghaiDistrict('310120', '奉贤区', 'Fengxian'),
  shanghaiDistrict('310151', '崇明区', 'Chongming'),

  province(JIANGSU, '江苏省', 'Jiangsu'),
  jiangsuCity('320100', '南京市', 'Nanjing'),
  jiangsuCity('320200', '无锡市', 'Wuxi'),
  jiangsuCity('320300', '徐州市', 'Xuzhou'),
  jiangsuCity('320400', '常州市', 'Changzhou'),
  jiangsuCity('320500', '苏州市', 'Suzhou'),
  jiangsuCity('320600', '南通市', 'Nantong'),
  jiangsuCity('320700', '连云港市', 'Lianyungang'),
  jiangsuCity('320800', '淮安市', "Huai'an"),
  jiangsuCity('320900', '盐城市', 'Yancheng'),
  jiangsuCity('321000', '扬州市', 'Yangzhou'),
  jiangsuCity('321100', '镇江市', 'Zhenjiang'),
  jiangsuCity('321200', '泰州市', 'Taizhou (Jiangsu)'),
  jiangsuCity('321300', '宿迁市', 'Suqian'),
  under('320500', 'county')(WUJIANG, '吴江区', 'Wujiang', true),

  province(ZHEJIANG, '浙江省', 'Zhejiang'),
  zhejiangCity('330100', '杭州市', 'Hangzhou'),
  zhejiangCity('330200', '宁波市', 'Ningbo'),
  zhejiangCity('330300', '温州市', 'Wenzhou'),
  zhejiangCity('330400', '嘉兴市', 'Jiaxing'),
  zhejiangCity('330500', '湖州市', 'Huzhou'),
  zhejiangCity('330600', '绍兴市', 'Shaoxing'),
  zhejiangCity('330700', '金华市', 'Jinhua'),
  zhejiangCity('330800', '衢州市', 'Quzhou'),
  zhejiangCity('330900', '舟山市', 'Zhoushan'),
  zhejiangCity('331000', '台州市', 'Taizhou (Zhejiang)'),
  zhejiangCity('331100', '丽水市', 'Lishui'),
  under('330400', 'county')(JIASHAN, '嘉善县', 'Jiashan', true),

  province(ANHUI, '安徽省', 'Anhui'),
  anhuiCity('340100', '合肥市', 'Hefei'),
  anhuiCity('340200', '芜湖市', 'Wuhu'),
  anhuiCity('340300', '蚌埠市', 'Bengbu'),
  anhuiCity('340400', '淮南市', 'Huainan'),
  anhuiCity('340500', '马鞍山市', "Ma'anshan"),
  anhuiCity('340600', '淮北市', 'Huaibei'),
  anhuiCity('340700', '铜陵市', 'Tongling'),
  anhuiCity('340800', '安庆市', 'Anqing'),
  anhuiCity('341000', '黄山市', 'Huangshan'),
  anhuiCity('341100', '滁州市', 'Chuzhou'),
  anhuiCity('341200', '阜阳市', 'Fuyang'),
  anhuiCity('341300', '宿州市', 'Suzhou (Anhui)'),
  anhuiCity('341500', '六安市', "Lu'an"),
  anhuiCity('341600', '亳州市', 'Bozhou'),
  anhuiCity('341700', '池州市', 'Chizhou'),
  anhuiCity('341800', '宣城市', 'Xuancheng'),
];
