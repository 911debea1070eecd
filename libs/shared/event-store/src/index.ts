export * from './lib/commit';
export * from './lib/commit-store';
export * from './lib/commit-refused';
export * from './lib/concurrency-conflict';
export * from './lib/event-sink';
export * from './lib/outbox-relay';
export * from './lib/aggregate-repository';
export * from './lib/event-key-store';
