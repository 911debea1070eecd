import type { HttpServiceOptions } from '@yrd/platform';

/** Identity of this service; PORT in the environment overrides DEFAULT_PORT. */
export const SERVICE_NAME = 'audit';
export const DEFAULT_PORT = 3105;

export const HTTP_SERVICE: HttpServiceOptions = {
  service: SERVICE_NAME,
  title: 'Audit API',
  description:
    'Replay and verification of the event log; read-only endpoints for auditors.',
  version: '0.1.0',
};
