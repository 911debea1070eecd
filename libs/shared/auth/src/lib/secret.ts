import {
  AUTH_JWT_SECRET_ENV,
  AUTH_JWT_SECRET_MIN_LENGTH,
  DEV_INSECURE_JWT_SECRET,
  DEVELOPMENT_NODE_ENVS,
} from './auth.constants';

/** Start-up configuration error (bad or missing key). */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

export interface ResolveSecretOptions {
  /** Environment to read (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Explicit key; takes precedence over the environment (still length-checked). */
  secret?: string;
  /** Where the development-key warning goes (default: `console.warn`, once per process). */
  warn?: (message: string) => void;
}

export function isDevelopmentMode(
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  return DEVELOPMENT_NODE_ENVS.includes(env['NODE_ENV'] ?? '');
}

/**
 * The one rule for finding the JWT key, used by the Nest module, `mintToken` and the CLI:
 *
 * - an explicit `secret`, else `AUTH_JWT_SECRET`, must be at least 32 characters;
 * - when none is set and NODE_ENV is `development` or `test`, the public development key is used
 *   and a warning is logged;
 * - when none is set in any other mode (including NODE_ENV unset), or when the development key is
 *   configured outside development mode, an {@link AuthConfigError} naming AUTH_JWT_SECRET is thrown.
 */
export function resolveJwtSecret(options: ResolveSecretOptions = {}): string {
  const env = options.env ?? process.env;
  const nodeEnv = env['NODE_ENV'];
  const devMode = isDevelopmentMode(env);
  const configured = options.secret ?? env[AUTH_JWT_SECRET_ENV];
  const modeText = `NODE_ENV=${nodeEnv === undefined || nodeEnv === '' ? '(unset)' : nodeEnv}`;
  const source =
    options.secret !== undefined
      ? `The JWT key given explicitly (instead of ${AUTH_JWT_SECRET_ENV})`
      : AUTH_JWT_SECRET_ENV;

  if (configured === undefined || configured === '') {
    if (!devMode) {
      throw new AuthConfigError(
        `${AUTH_JWT_SECRET_ENV} is not set: a JWT signing key of at least ${AUTH_JWT_SECRET_MIN_LENGTH} characters is required when ${modeText} ` +
          `(the development fallback key is only allowed with NODE_ENV=development or NODE_ENV=test).`,
      );
    }
    (options.warn ?? defaultWarn)(
      `${AUTH_JWT_SECRET_ENV} is not set; using the INSECURE development JWT key (${modeText}). ` +
        `Set ${AUTH_JWT_SECRET_ENV} to a random string of at least ${AUTH_JWT_SECRET_MIN_LENGTH} characters outside development.`,
    );
    return DEV_INSECURE_JWT_SECRET;
  }

  if (configured.length < AUTH_JWT_SECRET_MIN_LENGTH) {
    throw new AuthConfigError(
      `${source} is too short (${configured.length} characters): use at least ${AUTH_JWT_SECRET_MIN_LENGTH} characters.`,
    );
  }
  if (configured === DEV_INSECURE_JWT_SECRET && !devMode) {
    throw new AuthConfigError(
      `${source} is the public development key, which is refused when ${modeText}. Configure a secret key.`,
    );
  }
  return configured;
}

const warned = new Set<string>();

/** Warns once per process per message, so minting many test tokens does not flood the log. */
function defaultWarn(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[auth] ${message}`);
}
