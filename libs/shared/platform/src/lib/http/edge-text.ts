/**
 * Text that round-trips exactly through JSON, Kafka and PostgreSQL (the store of record behind
 * FerretDB): well-formed UTF-16 (PostgreSQL turns a lone surrogate into U+FFFD, so the stored
 * event would no longer match its hash) and no C0 control but tab, LF and CR (PostgreSQL refuses
 * NUL outright). The noncharacters U+FFFE/U+FFFF are refused too: they are never text.
 */
const UNSAFE_TEXT =
  // Matching control characters is the point here.
  // eslint-disable-next-line no-control-regex -- Without the `u` flag the class matches UTF-16 code units, so lone surrogates are visible.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hex = (code: number): string =>
  `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `text` cannot be accepted (naming the first bad character and its index), or undefined. */
export function textProblem(text: string): string | undefined {
  const m = UNSAFE_TEXT.exec(text);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0);
  const what =
    code >= 0xd800 && code <= 0xdfff
      ? `a lone surrogate (${hex(code)})`
      : code >= 0xfffe
        ? `a noncharacter (${hex(code)})`
        : `a control character (${hex(code)})`;
  return `must be well-formed text: ${what} at index ${m.index}`;
}
