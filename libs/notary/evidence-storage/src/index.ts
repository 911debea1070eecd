export * from './lib/blob-store';
export * from './lib/blob-errors';
export * from './lib/media-type';
export * from './lib/blob-inspector';
export * from './lib/local-blob-store';
export * from './lib/s3-blob-store';
