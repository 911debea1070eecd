import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { PayloadTooLargeException } from '@nestjs/common';
import { badRequest } from '../notary-errors';

/** An upload's form fields and its file, still streaming. */
export interface UploadRequest {
  fields: Record<string, string>;
  file: Readable;
  /** The file part's Content-Type (multipart) or the request's (raw). */
  mediaType?: string;
  fileName?: string;
}

/** Raw uploads carry their metadata as JSON in this header (percent-encoding allowed). */
export const METADATA_HEADER = 'x-evidence-metadata';

/**
 * Reads an upload without buffering it: `multipart/form-data` (busboy; form fields must come
 * before the single file part, which is handed over as soon as it starts) or a raw body whose
 * Content-Type is the declared media type and whose metadata is in `X-Evidence-Metadata`.
 * A Content-Length above the limit is refused before anything is read.
 */
export function readUpload(req: IncomingMessage, maxBytes: number): Promise<UploadRequest> {
  const length = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(length) && length > maxBytes + 64 * 1024) {
    return Promise.reject(new PayloadTooLargeException({ statusCode: 413, error: 'too-large', message: `content is larger than the limit of ${maxBytes} bytes` }));
  }
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) return Promise.resolve(rawUpload(req));
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let settled = false;
    const fail = (e: Error) => {
      if (!settled) reject(e);
      settled = true;
    };
    let parser: busboy.Busboy;
    try {
      // utf8: busboy decodes filename parameters as latin1 by default, mangling 现场照片.png.
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 30, fieldSize: 256 * 1024 } });
    } catch (e) {
      return reject(badRequest(`malformed multipart request: ${(e as Error).message}`));
    }
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (_name, file, info) => {
      settled = true;
      resolve({ fields, file, mediaType: info.mimeType, fileName: info.filename || undefined });
    });
    parser.on('error', (e) => fail(badRequest(`malformed multipart request: ${(e as Error).message}`)));
    parser.on('close', () => fail(badRequest('the multipart request has no file part')));
    req.pipe(parser);
  });
}

function rawUpload(req: IncomingMessage): UploadRequest {
  const header = req.headers[METADATA_HEADER];
  const fields: Record<string, string> = {};
  if (typeof header === 'string') fields['metadata'] = safeDecode(header);
  const url = new URL(req.url ?? '/', 'http://local');
  url.searchParams.forEach((v, k) => (fields[k] = v));
  const type = req.headers['content-type'];
  return { fields, file: req, ...(type ? { mediaType: type } : {}) };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** After refusing an upload early, read and discard the rest so the client sees the answer. */
export function discardUpload(req: IncomingMessage, file?: Readable): void {
  file?.resume();
  req.unpipe();
  req.resume();
}
