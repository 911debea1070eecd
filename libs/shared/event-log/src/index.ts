export * from './lib/event-log';
