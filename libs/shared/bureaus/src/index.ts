export * from './lib/bureaus.data';
export * from './lib/registry';
export * from './lib/credit-code';
export * from './lib/person-id';
export * from './lib/masking';
