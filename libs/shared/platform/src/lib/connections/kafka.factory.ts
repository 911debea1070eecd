import { logLevel, type KafkaConfig, type logCreator } from 'kafkajs';
import type { PinoLogger } from 'nestjs-pino';
import type { LogLevel } from '../config/env.schema';
import type { KafkaSaslCredentials } from '@yrd/messaging';

/** kafkajs level for a pino level (kafkajs is chatty at DEBUG; INFO covers group joins etc.). */
export function kafkaLogLevel(level: LogLevel): logLevel {
  switch (level) {
    case 'trace':
    case 'debug':
      return logLevel.DEBUG;
    case 'info':
      return logLevel.INFO;
    case 'warn':
      return logLevel.WARN;
    case 'error':
    case 'fatal':
      return logLevel.ERROR;
    case 'silent':
      return logLevel.NOTHING;
    default: {
      const unreachable: never = level;
      return unreachable;
    }
  }
}

/** A kafkajs `logCreator` writing through nestjs-pino (so lines are JSON and carry correlation ids). */
export function pinoLogCreator(logger: PinoLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, timestamp: _timestamp, logger: _name, ...extra } = log;
      const fields = { kafkajs: namespace, ...extra };
      switch (level) {
        case logLevel.ERROR:
        case logLevel.NOTHING:
          logger.error(fields, message);
          break;
        case logLevel.WARN:
          logger.warn(fields, message);
          break;
        case logLevel.INFO:
          logger.info(fields, message);
          break;
        default:
          logger.debug(fields, message);
      }
    };
}

export interface KafkaFactoryOptions {
  clientId: string;
  brokers: string[];
  /** SASL/SCRAM over the plaintext listener (loopback or a private network; TLS is the cluster's job). */
  sasl?: KafkaSaslCredentials;
  level: LogLevel;
  logger: PinoLogger;
}

/** The kafkajs settings the platform uses (exported for tests and tools). */
export function kafkaConfig(opts: KafkaFactoryOptions): KafkaConfig {
  return {
    clientId: opts.clientId,
    brokers: opts.brokers,
    ...(opts.sasl ? { sasl: opts.sasl } : {}),
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    // ~ 0.3, 0.6, 1.2, … s with jitter, capped at 30 s; 8 attempts ≈ 1 min before giving up.
    retry: {
      initialRetryTime: 300,
      maxRetryTime: 30_000,
      retries: 8,
      factor: 0.2,
      multiplier: 2,
    },
    logLevel: kafkaLogLevel(opts.level),
    logCreator: pinoLogCreator(opts.logger),
  };
}
