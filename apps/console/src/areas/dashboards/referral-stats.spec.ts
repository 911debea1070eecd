import { countByPair } from './referral-stats';

describe('referral counts by region pair', () => {
  it('counts per pair and status, overdue apart, busiest pair first', () => {
    const rows = [
      { fromBureau: '310118', toBureau: '330421', status: 'delivered', overdue: true },
      { fromBureau: '310118', toBureau: '330421', status: 'accepted', overdue: false },
      { fromBureau: '310118', toBureau: '330421', status: 'delivered', overdue: false },
      { fromBureau: '320509', toBureau: '310118', status: 'closed', overdue: false },
    ];
    const stats = countByPair(rows, (b) => ({ '310118': '青浦区', '330421': '嘉善县', '320509': '吴江区' })[b] ?? b);
    expect(stats.overdue).toBe(1);
    expect(stats.statuses).toEqual(['accepted', 'closed', 'delivered']);
    expect(stats.pairs).toEqual([
      { pair: '青浦区 → 嘉善县', total: 3, overdue: 1, delivered: 2, accepted: 1 },
      { pair: '吴江区 → 青浦区', total: 1, overdue: 0, closed: 1 },
    ]);
  });
});
