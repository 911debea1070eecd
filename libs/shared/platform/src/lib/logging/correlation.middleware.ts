import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runWithRequestCorrelation } from './correlation';

/** Puts each request's correlation id in the AsyncLocalStorage behind `CorrelationContext`. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    runWithRequestCorrelation(req, res, next);
  }
}
