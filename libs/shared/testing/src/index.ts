export * from './lib/infra-env';
export * from './lib/eventually';
export * from './lib/kafka-test-client';
