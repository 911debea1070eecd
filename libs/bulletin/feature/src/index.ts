export * from './lib/bulletin.module';
export * from './lib/bulletin-config';
export * from './lib/bulletins.usecase';
export * from './lib/read-model/bulletin-views';
export * from './lib/read-model/bulletin-views.host';
