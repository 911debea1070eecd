export * from './lib/bytes';
export * from './lib/hashing';
export * from './lib/verification';
export * from './lib/merkle-tree';
export { verifyInclusion, rootFromInclusionProof } from './lib/verify-inclusion';
export type { InclusionClaim } from './lib/verify-inclusion';
export * from './lib/verify-consistency';
export * from './lib/tree-head';
export * from './lib/tree-head-signer';
