import type { HttpServiceOptions } from '@yrd/platform';

/** Identity of this service; PORT in the environment overrides DEFAULT_PORT. */
export const SERVICE_NAME = 'evidence-notary';
export const DEFAULT_PORT = 3103;

export const HTTP_SERVICE: HttpServiceOptions = {
  service: SERVICE_NAME,
  title: 'Evidence notary API',
  description:
    'Evidence upload and storage, hashing, the append-only Merkle log, timestamps and inclusion/consistency proofs.',
  version: '0.1.0',
};
