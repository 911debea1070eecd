export * as Bulletin from './lib/bulletin';
export * from './lib/masking';
