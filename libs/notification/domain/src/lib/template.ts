import type { Locale } from './channel';
import { isValidPath, readPath } from './paths';

/** A template that does not parse, or a value it needs that the event does not carry. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly template: string,
    message: string,
  ) {
    super(`template ${template}: ${message}`);
  }
}

/** What filters may ask of the outside world (bureau names), per language. */
export interface TemplateEnv {
  locale: Locale;
  bureauName: (code: string, locale: Locale) => string;
}

type Filter = (value: unknown, env: TemplateEnv, template: string, expr: string) => unknown;

const FILTERS: Record<string, Filter> = {
  /** A division code (or authority id) → the bureau's name in the template's language. */
  bureau: (v, env, t, expr) => {
    if (Array.isArray(v)) return v.map((x) => FILTERS['bureau'](x, env, t, expr));
    if (typeof v !== 'string') throw new TemplateError(t, `{{${expr}}}: "bureau" needs a code, got ${typeof v}`);
    return env.bureauName(v, env.locale);
  },
  /** A list → one line: 、 in Chinese, ", " in English. */
  join: (v, env) => (Array.isArray(v) ? v.map(String).join(env.locale === 'zh' ? '、' : ', ') : v),
  /** An ISO instant or date → its YYYY-MM-DD (UTC+8: the Delta's day). */
  date: (v, _env, t, expr) => {
    if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw new TemplateError(t, `{{${expr}}}: "date" needs an ISO date`);
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
    return new Date(Date.parse(v) + 8 * 3600_000).toISOString().slice(0, 10);
  },
};

export const TEMPLATE_FILTERS = Object.keys(FILTERS);

interface Placeholder {
  expr: string;
  path: string;
  optional: boolean;
  filters: string[];
}

type Part = string | Placeholder;

/** A parsed template: literal text and `{{ path? | filter }}` placeholders. */
export interface CompiledTemplate {
  readonly name: string;
  readonly parts: readonly Part[];
}

/**
 * Parses `{{ payload.referralId }}`, `{{ payload.toBureau | bureau }}`, `{{ payload.reason? }}`
 * (optional: empty when absent). Throws TemplateError naming the template for an unclosed
 * placeholder, a bad path or an unknown filter, so a broken rule fails when it is loaded.
 */
export function compileTemplate(source: string, name: string): CompiledTemplate {
  const parts: Part[] = [];
  let rest = source;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open < 0) {
      if (rest.includes('}}')) throw new TemplateError(name, 'unmatched "}}"');
      parts.push(rest);
      break;
    }
    if (rest.slice(0, open).includes('}}')) throw new TemplateError(name, 'unmatched "}}"');
    if (open > 0) parts.push(rest.slice(0, open));
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) throw new TemplateError(name, `unclosed "{{" at "${rest.slice(open, open + 30)}"`);
    parts.push(placeholder(rest.slice(open + 2, close).trim(), name));
    rest = rest.slice(close + 2);
  }
  return { name, parts };
}

function placeholder(expr: string, name: string): Placeholder {
  const [head, ...filters] = expr.split('|').map((s) => s.trim());
  const optional = head.endsWith('?');
  const path = optional ? head.slice(0, -1) : head;
  if (!isValidPath(path) || path.includes('[]')) throw new TemplateError(name, `{{${expr}}}: "${path}" is not a path such as payload.referralId`);
  for (const f of filters) {
    if (!(f in FILTERS)) throw new TemplateError(name, `{{${expr}}}: unknown filter "${f}" (known: ${TEMPLATE_FILTERS.join(', ')})`);
  }
  return { expr, path, optional, filters };
}

/** Renders with the event's data; a required value that is absent or not text is a TemplateError. */
export function renderTemplate(template: CompiledTemplate, data: unknown, env: TemplateEnv): string {
  return template.parts
    .map((part) => {
      if (typeof part === 'string') return part;
      let value = readPath(data, part.path);
      if (value === undefined || value === null) {
        if (part.optional) return '';
        throw new TemplateError(template.name, `{{${part.expr}}}: the event has no value at ${part.path}`);
      }
      for (const f of part.filters) value = FILTERS[f](value, env, template.name, part.expr);
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw new TemplateError(template.name, `{{${part.expr}}}: ${part.path} is ${Array.isArray(value) ? 'a list (add "| join")' : 'an object'}, not text`);
    })
    .join('');
}
