import { createSecretKey } from 'node:crypto';
import {
  JsonWebTokenError,
  JwtService,
  NotBeforeError,
  TokenExpiredError,
} from '@nestjs/jwt';
import { AUTH_ALGORITHM, AUTH_AUDIENCE, AUTH_ISSUER } from './auth.constants';
import {
  formatZodIssues,
  parsePrincipal,
  Principal,
  TokenClaimsSchema,
} from './principal';
import { resolveJwtSecret, ResolveSecretOptions } from './secret';

/** Token lifetime: seconds, or a number with unit `s`, `m`, `h`, `d` ('15m', '8h'). */
export type TokenTtl = number | `${number}${'s' | 'm' | 'h' | 'd'}`;

export const DEFAULT_TOKEN_TTL: TokenTtl = '8h';

const TTL_UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** '8h' → 28800. Throws on anything else than a positive number with an optional s/m/h/d unit. */
export function parseTtl(input: string | number): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input <= 0)
      throw new Error(
        `Invalid TTL ${input}: must be a positive number of seconds`,
      );
    return Math.floor(input);
  }
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/.exec(input);
  if (!match)
    throw new Error(
      `Invalid TTL '${input}': use seconds or a number with s, m, h or d (e.g. 15m, 8h, 7d)`,
    );
  const unit = (match[2] || 's') as keyof typeof TTL_UNIT_SECONDS;
  const seconds = Math.floor(Number(match[1]) * TTL_UNIT_SECONDS[unit]);
  if (seconds <= 0)
    throw new Error(`Invalid TTL '${input}': must be at least one second`);
  return seconds;
}

export type InvalidTokenReason =
  | 'expired'
  | 'not-active'
  | 'invalid'
  | 'malformed-claims';

/** Why a token was refused; the HTTP guard turns it into a 401. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
  constructor(
    readonly reason: InvalidTokenReason,
    message: string,
  ) {
    super(message);
  }
}

export interface SignOptions {
  /** Lifetime (default 8h). */
  ttl?: TokenTtl;
  /** Issue time (default now); with a past date and a short ttl you get an expired token. */
  now?: Date;
}

/**
 * Signs and verifies YRD access tokens (HS256, iss `yrd-enforcement`, aud `yrd-services`).
 * Provided by `AuthModule`; inject it to mint tokens in an app (e.g. a development login).
 */
export class AuthTokenService {
  private readonly jwt: JwtService;

  constructor(secret: string) {
    this.jwt = new JwtService({
      // A KeyObject made once: given a string, jsonwebtoken builds a new key on every sign and
      // verify (about a fifth of a busy service's CPU). @nestjs/jwt passes it through untouched.
      secret: createSecretKey(Buffer.from(secret, 'utf8')) as unknown as string,
      signOptions: {
        algorithm: AUTH_ALGORITHM,
        issuer: AUTH_ISSUER,
        audience: AUTH_AUDIENCE,
      },
      verifyOptions: {
        algorithms: [AUTH_ALGORITHM],
        issuer: AUTH_ISSUER,
        audience: AUTH_AUDIENCE,
      },
    });
  }

  sign(principal: Principal, options: SignOptions = {}): string {
    const valid = parsePrincipal(principal);
    const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
    const claims: Record<string, unknown> = {
      sub: valid.sub,
      role: valid.role,
      bureau: valid.bureau,
      iat,
    };
    if (valid.name !== undefined) claims['name'] = valid.name;
    return this.jwt.sign(claims, {
      expiresIn: parseTtl(options.ttl ?? DEFAULT_TOKEN_TTL),
    });
  }

  /** Verifies signature, algorithm, issuer, audience and expiry, then the claims; returns the principal. */
  verify(token: string): Principal {
    let payload: unknown;
    try {
      payload = this.jwt.verify<object>(token);
    } catch (error) {
      throw toInvalidTokenError(error);
    }
    const claims = TokenClaimsSchema.safeParse(payload);
    if (!claims.success) {
      throw new InvalidTokenError(
        'malformed-claims',
        `Invalid token claims: ${formatZodIssues(claims.error)}`,
      );
    }
    const { sub, name, role, bureau } = claims.data;
    return name === undefined
      ? { sub, role, bureau }
      : { sub, name, role, bureau };
  }
}

function toInvalidTokenError(error: unknown): InvalidTokenError {
  if (error instanceof TokenExpiredError) {
    return new InvalidTokenError(
      'expired',
      `Token expired at ${error.expiredAt.toISOString()}`,
    );
  }
  if (error instanceof NotBeforeError) {
    return new InvalidTokenError(
      'not-active',
      `Token not valid before ${error.date.toISOString()}`,
    );
  }
  if (error instanceof JsonWebTokenError) {
    return new InvalidTokenError('invalid', `Invalid token: ${error.message}`);
  }
  return new InvalidTokenError('invalid', 'Invalid token');
}

export interface MintTokenOptions extends SignOptions, ResolveSecretOptions {}

/**
 * Mints an access token for `principal`, with the key found by {@link resolveJwtSecret}
 * (`opts.secret`, else AUTH_JWT_SECRET, else — in development/test only — the development key).
 * For tests, e2e tests, the CLI and the quick start.
 */
export function mintToken(
  principal: Principal,
  opts: MintTokenOptions = {},
): string {
  const secret = resolveJwtSecret(opts);
  return new AuthTokenService(secret).sign(principal, opts);
}
