import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { resolveCorrelationId } from '../logging/correlation';
import { jsonDepthExceeds } from './json-depth';

interface BodyParserError extends Error {
  status?: number;
  statusCode?: number;
  type?: string;
  limit?: number;
}

/** body-parser error types of our own `verify` step. */
const TOO_DEEP = 'entity.too.deep';
const NOT_UTF8 = 'charset.not.utf8';

function verifyError(message: string, status: number, type: string): BodyParserError {
  return Object.assign(new Error(message), { status, type });
}

/**
 * body-parser `verify` for JSON: runs on the raw bytes before `JSON.parse`, so a body nested
 * thousands deep is a 400 before anything recursive (class-transformer, class-validator) sees it.
 * Only UTF-8 is accepted: the depth scan reads bytes, and every client sends UTF-8 anyway.
 */
export function verifyJsonBody(maxDepth: number) {
  return (_req: IncomingMessage, _res: unknown, buf: Buffer, encoding: string): void => {
    if (encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8')
      throw verifyError(`JSON bodies must be UTF-8 (got charset ${encoding})`, 415, NOT_UTF8);
    if (jsonDepthExceeds(buf, maxDepth))
      throw verifyError(`JSON body nests deeper than ${maxDepth} levels`, 400, TOO_DEEP);
  };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
};

/**
 * Express error handler for the body parsers (they run before Nest's exception filters):
 * 413 for a body over the limit, 400 for malformed or too deeply nested JSON, 415 for a charset
 * other than UTF-8 — as JSON like Nest's own errors.
 */
export function bodyParserErrorHandler(limitLabel: string) {
  return (
    err: BodyParserError,
    req: Request,
    res: Response,
    next: NextFunction,
  ): void => {
    const status = err.status ?? err.statusCode;
    if (!err.type || !status || status < 400 || status >= 500) {
      next(err);
      return;
    }
    resolveCorrelationId(req, res);
    const message =
      err.type === 'entity.too.large'
        ? `Request body exceeds ${limitLabel}`
        : err.type === 'entity.parse.failed'
          ? 'Malformed JSON body'
          : err.message;
    res.status(status).json({
      statusCode: status,
      error: REASONS[status] ?? 'Bad Request',
      message,
    });
  };
}
