import type { HttpServiceOptions } from '@yrd/platform';

/** Identity of this service; PORT in the environment overrides DEFAULT_PORT. */
export const SERVICE_NAME = 'clue-transfer';
export const DEFAULT_PORT = 3102;

export const HTTP_SERVICE: HttpServiceOptions = {
  service: SERVICE_NAME,
  title: 'Clue transfer API',
  description:
    'Cross-region referral and assistance lifecycle: jurisdiction routing, working-day deadlines, mutual recognition and the partner-bureau inbox.',
  version: '0.1.0',
};
