/** Injection tokens of the notary's ports. */
export const NOTARY_CONFIG = Symbol('NOTARY_CONFIG');
export const BLOB_STORE = Symbol('BLOB_STORE');
export const TIME_STAMP_AUTHORITY = Symbol('TIME_STAMP_AUTHORITY');
export const TREE_HEAD_SIGNER = Symbol('TREE_HEAD_SIGNER');
