import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderReportHtml, renderReportJson, type AuditReport } from '@yrd/audit-domain';

const RUN_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Reports on disk: `<dir>/<runId>.json` and `<dir>/<runId>.html`. */
export class ReportFiles {
  constructor(readonly dir: string) {}

  async write(runId: string, report: AuditReport): Promise<{ json: string; html: string }> {
    this.check(runId);
    await mkdir(this.dir, { recursive: true });
    const json = join(this.dir, `${runId}.json`);
    const html = join(this.dir, `${runId}.html`);
    await writeFile(json, renderReportJson(report));
    await writeFile(html, renderReportHtml(report));
    return { json, html };
  }

  /** The stored report, or null when there is none. */
  async read(runId: string, format: 'json' | 'html'): Promise<string | null> {
    if (!RUN_ID.test(runId)) return null;
    try {
      return await readFile(join(this.dir, `${runId}.${format}`), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  private check(runId: string): void {
    if (!RUN_ID.test(runId)) throw new Error(`invalid run id "${runId}"`);
  }
}
