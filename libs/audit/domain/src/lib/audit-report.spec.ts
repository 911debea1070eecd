import { buildReport, exitCodeOf, type ReportInput } from './audit-report';
import type { AuditFinding } from './finding';
import type { PendingItem } from './pending';
import { renderReportHtml, renderReportJson } from './report-rendering';

const finding = (streamId: string, version: number, kind: AuditFinding['kind']): AuditFinding => ({ kind, source: 'log', streamId, version, detail: `<${kind}>` });

const input = (findings: AuditFinding[], generatedAt = '2026-03-02T00:00:00.000Z', types: Array<[string, number]> = [['b', 1], ['a', 2]], pending: PendingItem[] = []): ReportInput => ({
  generatedAt,
  durationMs: generatedAt.length * 10,
  pending,
  scope: { namespace: 'yrd', filter: { types: ['x', 'a'], bureau: '310118' }, rebuild: true, ranges: [{ topic: 'z', partition: 1, fromOffset: 0, toOffset: 5 }, { topic: 'a', partition: 0, fromOffset: 0, toOffset: 3 }] },
  totals: { messages: 8, events: 8, streams: 2, selectedStreams: 2, selectedEvents: 8, partialStreams: 0, signatures: { valid: 0, invalid: 0, unsigned: 8 }, rebuiltStreams: 2, storeStreams: 2, projectionsCompared: 1, commitsCompared: 6 },
  eventsByType: new Map(types),
  checkpoints: [],
  findings,
});

describe('audit report', () => {
  it('is the same bytes, whatever order things were found in, apart from generatedAt', () => {
    const a = [finding('s-2', 1, 'gap'), finding('s-1', 3, 'hash-mismatch'), finding('s-1', 2, 'duplicate')];
    const one = renderReportJson(buildReport(input(a, '2026-03-02T00:00:00.000Z')));
    const two = renderReportJson(buildReport(input([...a].reverse(), '2026-03-03T00:00:00.000Z', [['a', 2], ['b', 1]])));
    const strip = (json: string) => json.replace(/"generatedAt": ".*"/, '').replace(/"durationMs": \d+/, '');
    expect(strip(one)).toBe(strip(two));
    const report = JSON.parse(one);
    expect(report.findings.map((f: AuditFinding) => [f.streamId, f.version])).toEqual([['s-1', 2], ['s-1', 3], ['s-2', 1]]);
    expect(report.findingsByKind).toEqual({ duplicate: 1, gap: 1, 'hash-mismatch': 1 });
    expect(report.scope.filter).toEqual({ bureau: '310118', types: ['a', 'x'] });
    expect(report.scope.ranges.map((r: { topic: string }) => r.topic)).toEqual(['a', 'z']);
  });

  it('gives the verdict and the exit code', () => {
    expect(exitCodeOf(buildReport(input([])))).toBe(0);
    expect(buildReport(input([])).verdict).toBe('clean');
    expect(exitCodeOf(buildReport(input([finding('s', 1, 'gap')])))).toBe(1);
  });

  it('lists what lay past the cut as pending, counted by reason, without changing the verdict', () => {
    const pending: PendingItem[] = [
      { streamId: 'clue-2', fromVersion: 3, toVersion: 3, reason: 'unpublished', detail: 'commit clue-2:3 is not published yet' },
      { streamId: 'clue-1', fromVersion: 2, toVersion: 4, reason: 'committed-after-cut', detail: 'commit clue-1:2 was made after the cut' },
    ];
    const report = buildReport(input([], undefined, undefined, pending));
    expect(report.verdict).toBe('clean');
    expect(exitCodeOf(report)).toBe(0);
    expect(report.totals.pending).toBe(2);
    expect(report.pendingByReason).toEqual({ 'committed-after-cut': 1, unpublished: 1 });
    expect(report.pending.map((p) => p.streamId)).toEqual(['clue-1', 'clue-2']);
    expect(renderReportHtml(report)).toContain('Pending, past the cut (2)');
  });

  it('renders HTML with every finding, escaped', () => {
    const html = renderReportHtml(buildReport(input([finding('s-<1>', 2, 'gap')])));
    expect(html).toContain('s-&lt;1&gt;');
    expect(html).toContain('&lt;gap&gt;');
    expect(html).not.toContain('<gap>');
  });
});
