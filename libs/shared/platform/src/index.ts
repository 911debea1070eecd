export {
  PlatformModule,
  type PlatformModuleOptions,
} from './lib/platform.module';
export {
  ConfigValidationError,
  LOG_LEVELS,
  buildEnvSchema,
  parseEnv,
  type ConfigIssue,
  type EnvSource,
  type KafkaSaslMechanism,
  type LogLevel,
  type PlatformEnv,
} from './lib/config/env.schema';
export { PLATFORM_ENV, PlatformConfig } from './lib/config/platform-config';
export {
  KAFKA,
  KAFKA_CONFIG,
  REDIS,
  REDIS_OPTIONS,
} from './lib/connections/tokens';
export {
  kafkaConfig,
  kafkaLogLevel,
  pinoLogCreator,
} from './lib/connections/kafka.factory';
export { redisOptions, closeRedis } from './lib/connections/redis.factory';
export {
  CORRELATION_HEADER,
  CorrelationContext,
} from './lib/logging/correlation';
export { REDACTED_PATHS } from './lib/logging/logger-options';
export { KafkaHealthIndicator } from './lib/health/kafka.health';
export { RedisHealthIndicator } from './lib/health/redis.health';
export {
  bootstrapHttpService,
  createHttpApp,
  setupOpenApi,
  type HttpServiceOptions,
} from './lib/http/bootstrap';
export {
  createValidationPipe,
  flattenValidationErrors,
  validationExceptionFactory,
  type FieldError,
} from './lib/http/validation';
export { describeValidator, isSemanticFailure, type ValidatorContract } from './lib/http/openapi-from-validators';
export { EDGE_LIMITS, type EdgeLimits } from './lib/http/edge-limits';
export { textProblem } from './lib/http/edge-text';
export { findInputProblem, type InputProblem } from './lib/http/input-problem';
export { inputProblemBody } from './lib/http/input-guard';
export { ReadsOwnBody } from './lib/http/json-only';
export {
  IsCalendarDate,
  Nested,
  type CalendarDateBounds,
  type NestedOptions,
} from './lib/http/dto-decorators';
export { StoreErrorsFilter } from './lib/errors/store-errors.filter';
export {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  parseIdempotencyKey,
} from './lib/idempotency/idempotency-key';
export { IdempotencyStore, IDEMPOTENCY_COLLECTION } from './lib/idempotency/idempotency.store';
export { IdempotencyExpiry, IDEMPOTENCY_KEY_LIFETIME_MS } from './lib/idempotency/idempotency-expiry';
export { IdempotencyInterceptor } from './lib/idempotency/idempotency.interceptor';
export { Idempotent } from './lib/idempotency/idempotent.decorator';
export type { IdempotentOptions } from './lib/idempotency/idempotent-options';
