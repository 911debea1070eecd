import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { Params } from 'nestjs-pino';
import type { LogLevel } from '../config/env.schema';
import { resolveCorrelationId } from './correlation';

/** Header/cookie paths never written to logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
];

export interface LoggingOptions {
  service: string;
  level: LogLevel;
  nodeEnv: string;
  /** Where to write (default: stdout, synchronously). Tests pass a stream to read the lines. */
  stream?: DestinationStream;
}

/** pino options shared by the request logger and the start-up/fatal logger. */
export function basePinoOptions(
  opts: Pick<LoggingOptions, 'service' | 'level' | 'nodeEnv'>,
): LoggerOptions {
  return {
    level: opts.level,
    base: {
      service: opts.service,
      env: opts.nodeEnv,
      pid: process.pid,
      hostname: hostname(),
    },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
  };
}

/**
 * nestjs-pino parameters: JSON lines; the correlation id comes from `genReqId` (the
 * `x-correlation-id` header, validated, else UUIDv7) and is bound as `correlationId` on the
 * request logger, so every line logged while handling the request carries it; the completion line
 * also has `req`/`res` (with `authorization`/`cookie` redacted).
 */
export function buildLoggerParams(opts: LoggingOptions): Params {
  const httpOptions: PinoHttpOptions = {
    ...basePinoOptions(opts),
    genReqId: (req: IncomingMessage, res: ServerResponse) =>
      resolveCorrelationId(req, res),
    // quietReqLogger binds only `correlationId` (not the whole req) to the lines the app logs.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'correlationId' },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500
        ? 'error'
        : res.statusCode >= 400
          ? 'warn'
          : 'info',
    // Liveness/readiness probes would drown everything else; failures are logged by terminus.
    autoLogging: {
      ignore: (req) => (req.url ?? '').split('?')[0] === '/health',
    },
  };
  return {
    pinoHttp: opts.stream ? [httpOptions, opts.stream] : httpOptions,
  };
}
