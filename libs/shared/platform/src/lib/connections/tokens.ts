/** Injection token of the shared kafkajs `Kafka` instance (no connection of its own). */
export const KAFKA = Symbol('KAFKA');
/** Injection token of the shared ioredis client (`maxRetriesPerRequest: null`, connects at start). */
export const REDIS = Symbol('REDIS');
/** Injection token of the `RedisOptions` used for `REDIS`, for BullMQ queues/workers' own connections. */
export const REDIS_OPTIONS = Symbol('REDIS_OPTIONS');
/** Injection token of the `KafkaConfig` behind `KAFKA` (clientId, brokers, retry, logCreator). */
export const KAFKA_CONFIG = Symbol('KAFKA_CONFIG');
