export * from './lib/infra-env';
export * from './lib/eventually';
export * from './lib/kafka-test-client';
export * from './lib/drop-run-database';
export * from './lib/kafka-credentials';
export * from './lib/kafka-acls';
