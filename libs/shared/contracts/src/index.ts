export * from './lib/envelope';
export * from './lib/topics';
export * from './lib/event-catalog';
export * from './lib/events/diagnostics.events';
export * from './lib/catalog';
export * from './lib/asyncapi';
