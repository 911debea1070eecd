export * from './lib/backbone.options';
export * from './lib/event-backbone';
export * from './lib/backbone.module';
export * from './lib/signing-key';
