export * from './lib/openssl';
export * from './lib/tsa-chain';
export * from './lib/timestamp-codec';
export * from './lib/timestamp-authority';
export * from './lib/openssl-tsa';
export * from './lib/openssl-verify';
