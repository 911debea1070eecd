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
  kafkaSaslFrom,
  kafkaLogLevel,
  type KafkaSaslCredentials,
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
