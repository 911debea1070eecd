/**
 * Content sniffing by magic bytes. `file-type` is ESM-only (does not load under our CommonJS
 * jest/Nest build), so this is a small table of the formats evidence arrives in: documents,
 * photos, screen recordings, archives and captured web pages.
 */

/** How many leading bytes the sniffer looks at (what the upload keeps while streaming). */
export const SNIFF_BYTES = 4096;

type Signature = { type: string; test: (b: Buffer) => boolean };

const at = (b: Buffer, offset: number, ascii: string) => b.length >= offset + ascii.length && b.toString('latin1', offset, offset + ascii.length) === ascii;

const SIGNATURES: Signature[] = [
  { type: 'application/pdf', test: (b) => at(b, 0, '%PDF-') },
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => at(b, 0, 'GIF87a') || at(b, 0, 'GIF89a') },
  { type: 'image/webp', test: (b) => at(b, 0, 'RIFF') && at(b, 8, 'WEBP') },
  { type: 'video/quicktime', test: (b) => at(b, 4, 'ftypqt  ') },
  { type: 'image/heic', test: (b) => at(b, 4, 'ftyp') && ['heic', 'heix', 'mif1', 'msf1'].some((brand) => at(b, 8, brand)) },
  { type: 'audio/mp4', test: (b) => at(b, 4, 'ftypM4A ') },
  { type: 'video/mp4', test: (b) => at(b, 4, 'ftyp') },
  { type: 'application/zip', test: (b) => at(b, 0, 'PK\x03\x04') || at(b, 0, 'PK\x05\x06') },
];

/** Types whose container is a ZIP (OOXML, ODF, EPUB, JAR...): a ZIP signature confirms them. */
const ZIP_BASED = [/^application\/vnd\.openxmlformats-/, /^application\/vnd\.oasis\.opendocument\./, /^application\/epub\+zip$/, /^application\/java-archive$/, /^application\/x-zip-compressed$/];

/** Declared types that are text: confirmed by text content (any encoding), refuted by binary. */
const TEXT_TYPES = [/^text\//, /^application\/(json|xml|ld\+json|javascript)$/, /\+xml$/, /\+json$/];

/**
 * WHATWG MIME sniffing's "binary data byte": control bytes that never occur in text, whatever
 * the encoding (UTF-8, GB18030 and UTF-16 aside, which we do not claim to recognise as text).
 */
function looksLikeText(b: Buffer): boolean {
  for (const byte of b) {
    if (byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f)) return false;
  }
  return b.length > 0;
}

/** WHATWG-style HTML detection: the first tag after BOM and whitespace. */
function looksLikeHtml(b: Buffer): boolean {
  const text = b.toString('utf8', 0, Math.min(b.length, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return /^<(!doctype html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p|!--)[\s>]/.test(text);
}

/** The media type the content's leading bytes identify, or undefined for unrecognised binary. */
export function sniffMediaType(head: Buffer): string | undefined {
  const match = SIGNATURES.find((s) => s.test(head));
  if (match) return match.type;
  if (!looksLikeText(head)) return undefined;
  return looksLikeHtml(head) ? 'text/html' : 'text/plain';
}

export type MediaTypeCheck = { ok: true; confirmed: boolean } | { ok: false; reason: string };

/** `Type/Sub; charset=x` → `type/sub`. */
export function normalizeMediaType(declared: string): string {
  return declared.split(';')[0].trim().toLowerCase();
}

/**
 * Whether content may be filed under the declared media type. A recognised signature must
 * agree with the declaration; unrecognised binary is accepted but reported as unconfirmed
 * (we cannot know every format); `application/octet-stream` claims nothing and accepts anything.
 */
export function checkDeclaredMediaType(declaredRaw: string, sniffed: string | undefined): MediaTypeCheck {
  const declared = normalizeMediaType(declaredRaw);
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(declared)) {
    return { ok: false, reason: `"${declaredRaw}" is not a media type` };
  }
  if (declared === 'application/octet-stream') return { ok: true, confirmed: false };
  const mismatch = (): MediaTypeCheck => ({ ok: false, reason: `content is ${sniffed ?? 'binary data'}, not the declared ${declared}` });
  const isText = TEXT_TYPES.some((r) => r.test(declared));

  if (sniffed === undefined) return isText ? mismatch() : { ok: true, confirmed: false };
  if (sniffed === declared) return { ok: true, confirmed: true };
  if (sniffed === 'application/zip' && ZIP_BASED.some((r) => r.test(declared))) return { ok: true, confirmed: true };
  if (sniffed === 'video/mp4' && declared === 'audio/mp4') return { ok: true, confirmed: true };
  // HTML is text, so it may be filed as plain text or as another text format; not the reverse.
  if ((sniffed === 'text/plain' || sniffed === 'text/html') && isText && declared !== 'text/html') return { ok: true, confirmed: true };
  return mismatch();
}
