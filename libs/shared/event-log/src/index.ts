export * from './lib/event-hash';
export * from './lib/stream-head';
export * from './lib/new-events';
export * from './lib/envelope-check';
export * from './lib/chain-verification';
export * from './lib/envelope-to-event';
