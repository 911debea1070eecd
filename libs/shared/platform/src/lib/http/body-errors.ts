import type { NextFunction, Request, Response } from 'express';
import { resolveCorrelationId } from '../logging/correlation';

interface BodyParserError extends Error {
  status?: number;
  statusCode?: number;
  type?: string;
  limit?: number;
}

/**
 * Express error handler for the body parsers (they run before Nest's exception filters):
 * 413 for a body over the limit, 400 for malformed JSON, as JSON like Nest's own errors.
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
    const body =
      err.type === 'entity.too.large'
        ? {
            statusCode: 413,
            error: 'Payload Too Large',
            message: `Request body exceeds ${limitLabel}`,
          }
        : err.type === 'entity.parse.failed'
          ? {
              statusCode: 400,
              error: 'Bad Request',
              message: 'Malformed JSON body',
            }
          : { statusCode: status, error: 'Bad Request', message: err.message };
    res.status(body.statusCode).json(body);
  };
}
