import type { AuditReport } from './audit-report';

/** Stable JSON: keys in sorted order at every level, two-space indent, trailing newline. */
export function renderReportJson(report: AuditReport): string {
  return `${JSON.stringify(sortDeep(report), null, 2)}\n`;
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const esc = (v: unknown): string =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The rows of the summary table (CLI and HTML). */
export function summaryRows(report: AuditReport): Array<[string, string | number]> {
  const t = report.totals;
  return [
    ['verdict', report.verdict],
    ['duration', `${(report.durationMs / 1000).toFixed(1)} s`],
    ['messages read', t.messages],
    ['events verified', t.events],
    ['streams', t.streams],
    ['selected streams', t.selectedStreams],
    ['selected events', t.selectedEvents],
    ['partial streams (read from a time)', t.partialStreams],
    ['signatures valid / invalid / unsigned', `${t.signatures.valid} / ${t.signatures.invalid} / ${t.signatures.unsigned}`],
    ['streams rebuilt / in commit stores', `${t.rebuiltStreams} / ${t.storeStreams}`],
    ['store commits compared', t.commitsCompared],
    ['read models compared', t.projectionsCompared],
    ['checkpoints verified / mismatch / unverifiable / not covered', `${t.checkpoints.verified} / ${t.checkpoints.mismatch} / ${t.checkpoints.unverifiable} / ${t.checkpoints['not-covered']}`],
    ['pending (past the cut, not findings)', t.pending],
    ...Object.entries(report.pendingByReason).map(([k, n]): [string, number] => [`  ${k}`, n ?? 0]),
    ['findings', t.findings],
    ...Object.entries(report.findingsByKind).map(([k, n]): [string, number] => [`  ${k}`, n ?? 0]),
  ];
}

/** A self-contained HTML page (no scripts, no external assets), deterministic like the JSON. */
export function renderReportHtml(report: AuditReport): string {
  const rows = summaryRows(report).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('\n');
  const filter = Object.entries(report.scope.filter).map(([k, v]) => `${esc(k)}=${esc(Array.isArray(v) ? v.join(',') : v)}`).join(' ') || 'none';
  const ranges = report.scope.ranges.map((r) => `<tr><td>${esc(r.topic)}</td><td>${r.partition}</td><td>${r.fromOffset}</td><td>${r.toOffset}</td></tr>`).join('\n');
  const findings = report.findings
    .map(
      (f) =>
        `<tr class="${esc(f.kind)}"><td>${esc(f.kind)}</td><td>${esc(f.source)}</td><td>${esc(f.streamId ?? '')}</td><td>${esc(f.version ?? '')}</td>` +
        `<td>${esc(f.location ? `${f.location.topic}/${f.location.partition}@${f.location.offset}` : '')}</td><td>${esc(f.detail)}</td></tr>`,
    )
    .join('\n');
  const pending = report.pending
    .map((p) => `<tr><td>${esc(p.reason)}</td><td>${esc(p.streamId)}</td><td>${p.fromVersion}..${p.toVersion}</td><td>${esc(p.detail)}</td></tr>`)
    .join('\n');
  const checkpoints = report.checkpoints
    .map((c) => `<tr><td>${esc(c.id)}</td><td>${c.fromOffset}..${c.toOffset}</td><td>${c.count}</td><td>${esc(c.notarizedAt)}</td><td>${esc(c.status)}</td></tr>`)
    .join('\n');
  const types = Object.entries(report.eventsByType).map(([t, n]) => `<tr><td>${esc(t)}</td><td>${n}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Audit report — ${esc(report.verdict)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}.verdict-clean{color:#070}.verdict-findings{color:#b00}</style>
</head><body>
<h1>Event-log audit: <span class="verdict-${esc(report.verdict)}">${esc(report.verdict)}</span></h1>
<p>Generated ${esc(report.generatedAt)} · namespace <code>${esc(report.scope.namespace)}</code> · filter ${filter} · rebuild ${report.scope.rebuild ? 'yes' : 'no'}</p>
<h2>Summary</h2>
<table>${rows}</table>
<h2>Findings (${report.findings.length})</h2>
<table><tr><th>kind</th><th>source</th><th>stream</th><th>version</th><th>log position</th><th>detail</th></tr>
${findings}</table>
<h2>Pending, past the cut (${report.pending.length})</h2>
<table><tr><th>reason</th><th>stream</th><th>versions</th><th>detail</th></tr>
${pending}</table>
<h2>Checkpoints (${report.checkpoints.length})</h2>
<table><tr><th>id</th><th>offsets</th><th>messages</th><th>notarized</th><th>status</th></tr>
${checkpoints}</table>
<h2>Log read</h2>
<table><tr><th>topic</th><th>partition</th><th>from</th><th>to (high watermark)</th></tr>
${ranges}</table>
<h2>Events by type</h2>
<table>${types}</table>
</body></html>
`;
}
