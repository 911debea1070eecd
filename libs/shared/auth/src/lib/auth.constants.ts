/** Environment variable holding the HS256 key shared by every service. */
export const AUTH_JWT_SECRET_ENV = 'AUTH_JWT_SECRET';
export const AUTH_JWT_SECRET_MIN_LENGTH = 32;
export const AUTH_ISSUER = 'yrd-enforcement';
export const AUTH_AUDIENCE = 'yrd-services';
export const AUTH_ALGORITHM = 'HS256';

/**
 * Fallback key used only when NODE_ENV is `development` or `test` and AUTH_JWT_SECRET is unset.
 * It is public (it is in the source), so it is refused in every other mode.
 */
export const DEV_INSECURE_JWT_SECRET =
  'yrd-INSECURE-development-only-jwt-secret-never-use-in-production';

/** NODE_ENV values in which the development fallback key is allowed. */
export const DEVELOPMENT_NODE_ENVS: readonly string[] = ['development', 'test'];

/** Name of the OpenAPI security scheme (same as `@ApiBearerAuth()`'s default). */
export const BEARER_AUTH_NAME = 'bearer';

/** Property of the HTTP request where the guard stores the verified principal. */
export const PRINCIPAL_REQUEST_KEY = 'principal';

export const IS_PUBLIC_KEY = 'yrd:auth:public';
export const ROLES_KEY = 'yrd:auth:roles';
export const ALLOW_AUDITOR_WRITE_KEY = 'yrd:auth:allow-auditor-write';
