import { Feed } from 'feed';
import { findBureau } from '@yrd/bureaus';
import type { PublicBulletin } from '../read-model/bulletin-views';

const KIND_ZH: Record<PublicBulletin['kind'], string> = { 'typical-case': '典型案例通报', problem: '问题通报', 'risk-alert': '消费预警' };
const bureauName = (code: string) => findBureau(code)?.name ?? code;

/** The public bulletins as an Atom 1.0 feed (already masked: built from the public copies only). */
export function atomFeed(bulletins: readonly PublicBulletin[], baseUrl: string): string {
  const feed = new Feed({
    id: `${baseUrl}/public/bulletins`,
    title: '长三角市场监管联合信息通报',
    description: 'Joint bulletins of the market-supervision bureaus of the Yangtze River Delta (public copies; personal data masked)',
    link: `${baseUrl}/public/bulletins`,
    language: 'zh-CN',
    updated: bulletins.length > 0 ? new Date(Math.max(...bulletins.map((b) => Date.parse(b.updatedAt)))) : new Date(0),
    feedLinks: { atom: `${baseUrl}/public/bulletins.atom`, json: `${baseUrl}/public/bulletins` },
    copyright: '长三角区域市场监督管理部门',
    generator: 'yrd-bulletins',
  });
  for (const b of bulletins) {
    const issuers = [b.issuer, ...b.coIssuers].map(bureauName).join('、');
    const withdrawn = b.status === 'withdrawn' && b.withdrawal;
    feed.addItem({
      id: `urn:yrd:bulletin:${b.bulletinId}`,
      link: `${baseUrl}/public/bulletins/${b.bulletinId}`,
      title: withdrawn ? `【已撤回】${b.title}` : b.title,
      date: new Date(b.updatedAt),
      published: new Date(b.publishedAt),
      description: withdrawn ? `撤回理由：${b.withdrawal?.reason}` : b.correctionReason ? `第 ${b.revision} 版（更正理由：${b.correctionReason}）` : KIND_ZH[b.kind],
      content: withdrawn ? `本通报已于 ${b.withdrawal?.at.slice(0, 10)} 撤回。撤回理由：${b.withdrawal?.reason}` : b.body,
      category: [b.kind, b.category, b.industry].map((term) => ({ term, name: KIND_ZH[term as PublicBulletin['kind']] ?? term })),
      author: [{ name: issuers }],
    });
  }
  return feed.atom1();
}
