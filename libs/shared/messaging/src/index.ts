export * from './lib/topic-provisioner';
export * from './lib/kafka-headers';
export * from './lib/event-publisher';
export * from './lib/processed-events';
export * from './lib/retry-policy';
export * from './lib/event-consumer';
export * from './lib/kafka-sasl';
