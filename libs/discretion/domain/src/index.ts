export * from './lib/standard.schema';
export * from './lib/standard-registry';
export * from './lib/suggestion';
export * from './lib/decision-check';
export * from './lib/bundled-standards';
export * as StandardPublication from './lib/standard-publication';
export type { DiscretionStandardPublished, StandardPublicationError } from './lib/standard-publication';
