import { z } from 'zod';
import { ExemptionList, ExemptionListFile } from './list.schema';

export interface ListProblem {
  /** Path in the file, e.g. items[3].conditions[0].withinYears. */
  path: string;
  /** The item's id when the problem lies inside an item. */
  itemId?: string;
  field: string;
  message: string;
}

export type ListValidation = { ok: true; list: ExemptionList } | { ok: false; problems: ListProblem[]; summary: string };

/** Validates a list file; every problem names the item (id and index) and the exact field. */
export function validateListFile(input: unknown): ListValidation {
  const parsed = ExemptionListFile.safeParse(input);
  if (parsed.success) return { ok: true, list: parsed.data };
  const items = (input as { items?: Array<{ itemId?: unknown }> } | null)?.items;
  const problems = parsed.error.issues.map((issue) => toProblem(issue, items));
  // The schema's cross-item checks run only on an otherwise valid file: report duplicates anyway.
  for (const p of duplicateIds(items)) if (!problems.some((q) => q.path === p.path)) problems.push(p);
  return { ok: false, problems, summary: problems.map(describe).join('; ') };
}

function toProblem(issue: z.core.$ZodIssue, items: Array<{ itemId?: unknown }> | undefined): ListProblem {
  const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(file)';
  let itemId: string | undefined;
  let field = path;
  if (issue.path[0] === 'items' && typeof issue.path[1] === 'number') {
    const raw = Array.isArray(items) ? items[issue.path[1]]?.itemId : undefined;
    itemId = typeof raw === 'string' ? raw : undefined;
    field = path.replace(/^items\[\d+\]\.?/, '') || '(item)';
  }
  return itemId === undefined ? { path, field, message: issue.message } : { path, itemId, field, message: issue.message };
}

const describe = (p: ListProblem): string =>
  p.path.startsWith('items[') ? `item ${p.itemId ?? '(no itemId)'} (${p.path.match(/^items\[\d+\]/)?.[0]}) field ${p.field}: ${p.message}` : `field ${p.field}: ${p.message}`;

function duplicateIds(items: Array<{ itemId?: unknown }> | undefined): ListProblem[] {
  if (!Array.isArray(items)) return [];
  const seen = new Set<unknown>();
  const out: ListProblem[] = [];
  items.forEach((item, i) => {
    const id = item?.itemId;
    if (typeof id === 'string' && seen.has(id)) out.push({ path: `items[${i}].itemId`, itemId: id, field: 'itemId', message: `duplicate itemId ${id}` });
    seen.add(id);
  });
  return out;
}
