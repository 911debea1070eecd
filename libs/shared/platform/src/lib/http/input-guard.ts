import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { resolveCorrelationId } from '../logging/correlation';
import { EDGE_LIMITS, type EdgeLimits } from './edge-limits';
import { findInputProblem, type InputProblem } from './input-problem';

/** The 400 body, shaped like the validation pipe's (`message` list + machine-readable `errors`). */
export function inputProblemBody(problem: InputProblem) {
  return {
    statusCode: 400,
    error: 'Bad Request',
    message: [problem.message],
    errors: [{ field: problem.field, messages: [problem.message] }],
  };
}

/**
 * Express middleware after the body parsers: the parsed body and the query string are checked as
 * a whole (text, string/array sizes, depth) before any route, pipe or DTO sees them — whatever
 * the handler later reads.
 */
export function inputGuard(limits: EdgeLimits = EDGE_LIMITS) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const problem =
      findInputProblem(req.query, limits) ??
      // Only a body the parsers produced: a raw upload stream is the handler's to check.
      ((req as { _body?: boolean })._body
        ? findInputProblem(req.body, limits)
        : undefined);
    if (!problem) {
      next();
      return;
    }
    resolveCorrelationId(req, res);
    res.status(400).json(inputProblemBody(problem));
  };
}

/**
 * Global pipe for what the routes decode themselves (path parameters, after routing): the same
 * checks, naming the parameter.
 */
@Injectable()
export class RouteParamGuardPipe implements PipeTransform {
  constructor(private readonly limits: EdgeLimits = EDGE_LIMITS) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param') return value;
    const problem = findInputProblem(value, this.limits, metadata.data ?? '');
    if (problem) throw new BadRequestException(inputProblemBody(problem));
    return value;
  }
}
