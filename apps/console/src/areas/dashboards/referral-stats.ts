/** A referral as the inbox lists it (the fields the dashboards count). */
export interface ReferralRow {
  id?: string;
  fromBureau: string;
  toBureau: string;
  status: string;
  overdue: boolean;
}

export interface PairRow {
  pair: string;
  total: number;
  overdue: number;
  [status: string]: string | number;
}

/** Counts per (from → to) pair and status, busiest pair first. */
export function countByPair(rows: readonly ReferralRow[], label: (bureau: string) => string = (b) => b): { pairs: PairRow[]; statuses: string[]; overdue: number } {
  const byPair = new Map<string, PairRow>();
  const statuses = new Set<string>();
  let overdue = 0;
  for (const r of rows) {
    const pair = `${label(r.fromBureau)} → ${label(r.toBureau)}`;
    const row = byPair.get(pair) ?? { pair, total: 0, overdue: 0 };
    row[r.status] = ((row[r.status] as number | undefined) ?? 0) + 1;
    row.total += 1;
    if (r.overdue) {
      row.overdue += 1;
      overdue += 1;
    }
    statuses.add(r.status);
    byPair.set(pair, row);
  }
  const pairs = [...byPair.values()].sort((a, b) => b.total - a.total || (a.pair < b.pair ? -1 : 1));
  return { pairs, statuses: [...statuses].sort(), overdue };
}
