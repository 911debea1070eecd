import type { PublicBulletin } from '../read-model/bulletin-views';
import { atomFeed } from './atom-feed';

const bulletin = (o: Partial<PublicBulletin> = {}): PublicBulletin => ({
  bulletinId: 'bl1',
  status: 'published',
  kind: 'risk-alert',
  title: '张某预付卡风险 & 提示',
  body: '张某（330421********1234）<b>跑路</b>',
  category: 'prepaid',
  industry: 'fitness',
  issuer: '310000',
  coIssuers: ['320000'],
  revision: 1,
  publishedAt: '2026-12-01T02:00:00.000Z',
  updatedAt: '2026-12-01T02:00:00.000Z',
  ...o,
});

describe('Atom feed of the public bulletins', () => {
  it('has one entry per bulletin with its id, issuers, categories and escaped text', () => {
    const xml = atomFeed([bulletin()], 'https://yrd.example');
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('<id>urn:yrd:bulletin:bl1</id>');
    expect(xml).toContain('<link href="https://yrd.example/public/bulletins/bl1"/>');
    expect(xml).toContain('<name>上海市、江苏省</name>');
    expect(xml).toContain('term="risk-alert"');
    expect(xml).toContain('label="消费预警"');
    // Text goes in CDATA or escaped, never as markup.
    expect(xml).not.toMatch(/<b>跑路<\/b>(?!\]\]>)/);
  });

  it('shows a withdrawn bulletin as a notice of withdrawal', () => {
    const xml = atomFeed([bulletin({ status: 'withdrawn', body: '', withdrawal: { reason: '原处罚被撤销', at: '2026-12-03T00:00:00.000Z' } })], 'https://yrd.example');
    expect(xml).toContain('【已撤回】张某预付卡风险');
    expect(xml).toContain('撤回理由：原处罚被撤销');
  });
});
