export * from './lib/list.schema';
export * from './lib/list-validation';
export * from './lib/case-facts';
export * from './lib/scope';
export * from './lib/list-registry';
export * from './lib/evaluator';
export * from './lib/bundled-lists';
export * as ListPublication from './lib/list-publication';
export type { ExemptionListPublished, PublicationError } from './lib/list-publication';
