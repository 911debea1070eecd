import type { HttpServiceOptions } from '@yrd/platform';

/** Identity of this service; PORT in the environment overrides DEFAULT_PORT. */
export const SERVICE_NAME = 'notification';
export const DEFAULT_PORT = 3104;

export const HTTP_SERVICE: HttpServiceOptions = {
  service: SERVICE_NAME,
  title: 'Notification API',
  description:
    'Turns events into notification jobs delivered by webhook, email and in-app inbox, with retries and de-duplication.',
  version: '0.1.0',
};
