export * as Bulletin from './lib/bulletin';
