import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { ConfigValidationError } from '../config/env.schema';
import { PlatformConfig } from '../config/platform-config';
import { basePinoOptions } from '../logging/logger-options';
import { publishEdgeTextRules } from './openapi-edge-text';
import { closeObjectSchemas, documentValidatorsInOpenApi } from './openapi-from-validators';
import { bodyParserErrorHandler, verifyJsonBody } from './body-errors';
import { EDGE_LIMITS, type EdgeLimits } from './edge-limits';
import { inputGuard, RouteParamGuardPipe } from './input-guard';
import { JsonOnlyInterceptor } from './json-only';
import { createValidationPipe } from './validation';

export interface HttpServiceOptions {
  /** Service name (used for the start-up failure log before config exists). */
  service: string;
  /** OpenAPI title (default: the service name). */
  title?: string;
  description?: string;
  version?: string;
  /** JSON body limit (default `1mb` = 1 MiB); larger bodies get 413. */
  bodyLimit?: string;
  /** Other edge limits (default {@link EDGE_LIMITS}; see docs/api-limits.md). */
  limits?: Partial<Omit<EdgeLimits, 'bodyLimit'>>;
  /** Register SIGTERM/SIGINT handlers (default true; tests turn it off). */
  shutdownHooks?: boolean;
}

/** Swagger UI at `/docs`, the OpenAPI JSON at `/docs-json`, from the DTOs' `@ApiProperty` decorators. */
export function setupOpenApi(
  app: INestApplication,
  opts: HttpServiceOptions,
): void {
  const config = new DocumentBuilder()
    .setTitle(opts.title ?? opts.service)
    .setDescription(opts.description ?? '')
    .setVersion(opts.version ?? '0.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  SwaggerModule.setup(
    'docs',
    app,
    () => {
      // The published contract is what the validators enforce (schemathesis checks it in CI).
      const validated = documentValidatorsInOpenApi();
      return publishEdgeTextRules(closeObjectSchemas(SwaggerModule.createDocument(app, config), validated));
    },
    {
      jsonDocumentUrl: 'docs-json',
      yamlDocumentUrl: 'docs-yaml',
    },
  );
}

/**
 * Create and configure (but do not start) the HTTP app: pino logger, the edge checks (JSON only,
 * body size, nesting depth, round-trip-safe text, string and array sizes — docs/api-limits.md),
 * global validation pipe, OpenAPI, shutdown hooks. Throws if the module cannot be built (e.g.
 * {@link ConfigValidationError}).
 */
export async function createHttpApp(
  appModule: Type<unknown>,
  opts: HttpServiceOptions,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(appModule, {
    bufferLogs: true,
    // On a failed start the buffered Nest lines are dropped; bootstrapHttpService logs the cause as JSON.
    autoFlushLogs: false,
    abortOnError: false,
    forceCloseConnections: true,
    // Only the JSON parser below: a form or text body is a 415, not an empty DTO.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();

  const limits: EdgeLimits = {
    ...EDGE_LIMITS,
    ...opts.limits,
    bodyLimit: opts.bodyLimit ?? EDGE_LIMITS.bodyLimit,
  };
  app.use(
    json({ limit: limits.bodyLimit, verify: verifyJsonBody(limits.maxDepth) }),
  );
  app.use(bodyParserErrorHandler(limits.bodyLimit));
  app.use(inputGuard(limits));
  app.useGlobalInterceptors(new JsonOnlyInterceptor(app.get(Reflector)));
  app.useGlobalPipes(new RouteParamGuardPipe(limits), createValidationPipe());
  app.disable('x-powered-by');
  setupOpenApi(app, opts);
  if (opts.shutdownHooks ?? true) {
    // useProcessExit: exit 0 once every hook has run (Nest would otherwise re-raise the signal).
    app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  }
  return app;
}

/** JSON line on stderr for failures before (or instead of) the app's own logger. */
function startupLogger(service: string): pino.Logger {
  return pino(
    basePinoOptions({
      service,
      level: 'info',
      nodeEnv: process.env['NODE_ENV'] ?? 'development',
    }),
    pino.destination({ fd: 2, sync: true }),
  );
}

/**
 * `main.ts` in one call: create the app, listen on PORT/HOST from the validated config, log the
 * address. On SIGTERM/SIGINT the Nest shutdown hooks run and the process exits 0; if they take
 * longer than SHUTDOWN_TIMEOUT_MS it is forced out with 1. A start-up failure (bad config,
 * unreachable MongoDB, port in use) is logged as one JSON line naming the cause and exits 1.
 */
export async function bootstrapHttpService(
  appModule: Type<unknown>,
  opts: HttpServiceOptions,
): Promise<NestExpressApplication> {
  let app: NestExpressApplication | undefined;
  try {
    app = await createHttpApp(appModule, opts);
    const config = app.get(PlatformConfig);
    const logger = app.get(Logger);
    const port = config.get('PORT');
    const host = config.get('HOST');
    const timeoutMs = config.get('SHUTDOWN_TIMEOUT_MS');

    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        logger.log(
          `${signal} received: shutting down (limit ${timeoutMs} ms)`,
          'Bootstrap',
        );
        setTimeout(() => {
          logger.error(
            `Shutdown did not finish within ${timeoutMs} ms: forcing exit`,
            undefined,
            'Bootstrap',
          );
          process.exit(1);
        }, timeoutMs).unref();
      });
    }

    await app.listen(port, host);
    const shownHost = host.includes(':') ? `[${host}]` : host;
    logger.log(
      `${opts.service} listening on http://${shownHost}:${port} (health /health, docs /docs, /docs-json)`,
      'Bootstrap',
    );
    return app;
  } catch (err) {
    const log = startupLogger(opts.service);
    if (err instanceof ConfigValidationError) {
      log.fatal({ issues: err.issues }, err.message);
    } else {
      log.fatal(
        { err },
        `Start-up failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    await app?.close().catch(() => undefined);
    process.exit(1);
  }
}
