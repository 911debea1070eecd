import type { HttpServiceOptions } from '@yrd/platform';

/** Identity of this service; PORT in the environment overrides DEFAULT_PORT. */
export const SERVICE_NAME = 'case-intake';
export const DEFAULT_PORT = 3101;

export const HTTP_SERVICE: HttpServiceOptions = {
  service: SERVICE_NAME,
  title: 'Case intake API',
  description:
    'Officers submit clues and cases, attach evidence, check the light-violation exemption list and record penalty decisions.',
  version: '0.1.0',
};
