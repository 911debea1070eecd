import {
  DynamicModule,
  MiddlewareConsumer,
  Module,
  NestModule,
  RequestMethod,
} from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import { TerminusModule } from '@nestjs/terminus';
import { Kafka, type KafkaConfig } from 'kafkajs';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { z } from 'zod';
import {
  parseEnv,
  type EnvSource,
  type PlatformEnv,
} from './config/env.schema';
import { PLATFORM_ENV, PlatformConfig } from './config/platform-config';
import { ConnectionsLifecycle } from './connections/connections.lifecycle';
import { kafkaSaslFrom } from '@yrd/messaging';
import { kafkaConfig } from './connections/kafka.factory';
import { createRedis, redisOptions } from './connections/redis.factory';
import {
  KAFKA,
  KAFKA_CONFIG,
  REDIS,
  REDIS_OPTIONS,
} from './connections/tokens';
import { HealthController } from './health/health.controller';
import { KafkaHealthIndicator } from './health/kafka.health';
import { RedisHealthIndicator } from './health/redis.health';
import { StoreReadiness } from './health/store-readiness';
import { RequestDeadlineInterceptor } from './deadlines/request-deadline.interceptor';
import { CorrelationMiddleware } from './logging/correlation.middleware';
import { StoreErrorsFilter } from './errors/store-errors.filter';
import { IdempotencyExpiry } from './idempotency/idempotency-expiry';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { buildLoggerParams } from './logging/logger-options';
import type { RedisOptions } from 'ioredis';

export interface PlatformModuleOptions<
  TExtra extends z.ZodRawShape = z.ZodRawShape,
> {
  /** Service name: log field `service`, default Kafka client id, Redis connection name. */
  service: string;
  /** Port when PORT is unset. */
  defaultPort?: number;
  /** Service-specific environment variables, validated with the common ones. */
  extraSchema?: z.ZodObject<TExtra>;
  /**
   * Where settings come from (default `process.env`, read when the app is created). For tests; the
   * Kafka credentials (KAFKA_SASL_*) are the process's unless this names a principal.
   */
  env?: EnvSource;
  /** Log destination (default stdout). For tests. */
  logStream?: DestinationStream;
}

const KAFKA_SASL_VARS = [
  'KAFKA_SASL_USERNAME',
  'KAFKA_SASL_PASSWORD',
  'KAFKA_SASL_MECHANISM',
] as const;

/**
 * A given environment (tests) authenticates to Kafka as the process does (deploy/local/env.sh's
 * admin) unless it names a principal of its own.
 */
function withKafkaCredentials(env: EnvSource): EnvSource {
  if (env['KAFKA_SASL_USERNAME']) return env;
  const inherited = Object.fromEntries(
    KAFKA_SASL_VARS.map((v) => [v, process.env[v]]),
  );
  return { ...env, ...inherited };
}

/**
 * The service chassis: validated config, JSON logging with correlation ids, Kafka/Redis/MongoDB
 * connections, `/health`. Global; import it first in `AppModule`:
 *
 * ```ts
 * @Module({ imports: [PlatformModule.forService({ service: 'case-intake', defaultPort: 3101 }), …] })
 * ```
 */
@Module({})
export class PlatformModule implements NestModule {
  static forService<TExtra extends z.ZodRawShape = Record<never, never>>(
    options: PlatformModuleOptions<TExtra>,
  ): DynamicModule {
    // Parsed once, lazily (when the app is created, so the error surfaces from NestFactory.create).
    let parsed: (PlatformEnv & Record<string, unknown>) | undefined;
    const loadEnv = (): PlatformEnv & Record<string, unknown> => {
      parsed ??= Object.freeze(
        parseEnv(
          options.env ? withKafkaCredentials(options.env) : process.env,
          options,
        ),
      ) as PlatformEnv & Record<string, unknown>;
      return parsed;
    };

    return {
      module: PlatformModule,
      global: true,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, cache: true, load: [loadEnv] }),
        LoggerModule.forRootAsync({
          useFactory: () => {
            const env = loadEnv();
            return buildLoggerParams({
              service: options.service,
              level: env.LOG_LEVEL,
              nodeEnv: env.NODE_ENV,
              stream: options.logStream,
            });
          },
        }),
        MongooseModule.forRootAsync({
          useFactory: () => ({
            uri: loadEnv().MONGO_URL,
            serverSelectionTimeoutMS: 5_000,
            // Nothing waits forever: a socket silent for this long is closed and its operation
            // fails (requests answer 503 long before, at REQUEST_DEADLINE_MS).
            socketTimeoutMS: 60_000,
            connectTimeoutMS: 5_000,
            waitQueueTimeoutMS: 10_000,
            autoIndex: true,
            appName: options.service,
            // Give up after 2 attempts (~12 s) instead of Nest's default 9 × 3 s: fail start-up, let the orchestrator restart.
            retryAttempts: 2,
            retryDelay: 1_000,
          }),
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: PLATFORM_ENV, useFactory: loadEnv },
        PlatformConfig,
        {
          provide: KAFKA_CONFIG,
          inject: [PLATFORM_ENV, PinoLogger],
          useFactory: (env: PlatformEnv, logger: PinoLogger): KafkaConfig => {
            logger.setContext('kafkajs');
            return kafkaConfig({
              clientId: env.KAFKA_CLIENT_ID,
              brokers: env.KAFKA_BROKERS,
              sasl: kafkaSaslFrom(env),
              level: env.LOG_LEVEL,
              logger,
            });
          },
        },
        {
          provide: KAFKA,
          inject: [KAFKA_CONFIG],
          useFactory: (config: KafkaConfig) => new Kafka(config),
        },
        {
          provide: REDIS_OPTIONS,
          inject: [PLATFORM_ENV],
          useFactory: (env: PlatformEnv): RedisOptions =>
            redisOptions(env.REDIS_URL, options.service),
        },
        {
          provide: REDIS,
          // After the MongoDB connection (awaited at start-up): if that fails, no Redis socket is
          // left open by the aborted NestFactory.create (Nest disposes nothing on a failed create).
          inject: [REDIS_OPTIONS, PinoLogger, getConnectionToken()],
          useFactory: (redisOpts: RedisOptions, logger: PinoLogger) => {
            logger.setContext('Redis');
            return createRedis(redisOpts, logger);
          },
        },
        KafkaHealthIndicator,
        RedisHealthIndicator,
        StoreReadiness,
        ConnectionsLifecycle,
        { provide: APP_INTERCEPTOR, useClass: RequestDeadlineInterceptor },
        { provide: APP_FILTER, useClass: StoreErrorsFilter },
        IdempotencyStore,
        IdempotencyExpiry,
        IdempotencyInterceptor,
      ],
      exports: [
        IdempotencyStore,
        IdempotencyInterceptor,
        PLATFORM_ENV,
        PlatformConfig,
        KAFKA,
        KAFKA_CONFIG,
        REDIS,
        REDIS_OPTIONS,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(CorrelationMiddleware)
      .forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
