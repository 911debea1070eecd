import { DEV_INSECURE_JWT_SECRET } from './auth.constants';
import { AuthConfigError, isDevelopmentMode, resolveJwtSecret } from './secret';

describe('resolveJwtSecret', () => {
  const key = 'k'.repeat(32);

  it('uses AUTH_JWT_SECRET when long enough, in any mode', () => {
    expect(
      resolveJwtSecret({
        env: { NODE_ENV: 'production', AUTH_JWT_SECRET: key },
      }),
    ).toBe(key);
    expect(
      resolveJwtSecret({
        env: { NODE_ENV: 'development', AUTH_JWT_SECRET: key },
      }),
    ).toBe(key);
  });

  it('prefers an explicit secret', () => {
    const explicit = 'e'.repeat(40);
    expect(
      resolveJwtSecret({
        secret: explicit,
        env: { NODE_ENV: 'production', AUTH_JWT_SECRET: key },
      }),
    ).toBe(explicit);
  });

  it.each([
    {},
    { NODE_ENV: 'production' },
    { NODE_ENV: 'staging' },
    { NODE_ENV: 'production', AUTH_JWT_SECRET: '' },
  ])('refuses a missing key outside development: %j', (env) => {
    expect(() => resolveJwtSecret({ env })).toThrow(AuthConfigError);
    expect(() => resolveJwtSecret({ env })).toThrow(
      /^AUTH_JWT_SECRET is not set/,
    );
  });

  it('refuses a short key in every mode', () => {
    for (const NODE_ENV of ['production', 'development', 'test']) {
      expect(() =>
        resolveJwtSecret({
          env: { NODE_ENV, AUTH_JWT_SECRET: 'k'.repeat(31) },
        }),
      ).toThrow(
        'AUTH_JWT_SECRET is too short (31 characters): use at least 32 characters.',
      );
    }
  });

  it('falls back to the development key with a warning in development and test only', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const warn = jest.fn();
      expect(resolveJwtSecret({ env: { NODE_ENV }, warn })).toBe(
        DEV_INSECURE_JWT_SECRET,
      );
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /AUTH_JWT_SECRET is not set; using the INSECURE development JWT key/,
        ),
      );
    }
  });

  it('refuses the development key when configured outside development', () => {
    expect(() =>
      resolveJwtSecret({
        env: {
          NODE_ENV: 'production',
          AUTH_JWT_SECRET: DEV_INSECURE_JWT_SECRET,
        },
      }),
    ).toThrow(/public development key/);
  });

  it('knows the development modes', () => {
    expect(isDevelopmentMode({ NODE_ENV: 'development' })).toBe(true);
    expect(isDevelopmentMode({ NODE_ENV: 'test' })).toBe(true);
    expect(isDevelopmentMode({ NODE_ENV: 'production' })).toBe(false);
    expect(isDevelopmentMode({})).toBe(false);
  });
});
