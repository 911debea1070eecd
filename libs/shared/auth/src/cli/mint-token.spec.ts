import { AuthTokenService } from '../lib/token';
import { DEV_INSECURE_JWT_SECRET } from '../lib/auth.constants';
import { mintTokenEnv, runMintTokenCli } from './mint-token';

const SECRET = 'cli-spec-secret-0123456789-abcdefghijkl';

function run(
  argv: string[],
  env: Record<string, string | undefined> = { NODE_ENV: 'production' },
) {
  let out = '';
  let err = '';
  const code = runMintTokenCli(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env,
  });
  return { code, out, err };
}

describe('mint-token CLI', () => {
  it('prints just a token for the given claims', () => {
    const { code, out, err } = run([
      '--role',
      'officer',
      '--bureau',
      '310118',
      '--sub',
      'officer-qp-1',
      '--ttl',
      '8h',
      '--secret',
      SECRET,
    ]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(new AuthTokenService(SECRET).verify(out.trim())).toEqual({
      sub: 'officer-qp-1',
      role: 'officer',
      bureau: '310118',
    });
  });

  it('reads AUTH_JWT_SECRET and fills claims from a demo user', () => {
    const { code, out } = run(['--user', 'bureau-jsh-1'], {
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: SECRET,
    });
    expect(code).toBe(0);
    expect(new AuthTokenService(SECRET).verify(out.trim())).toMatchObject({
      sub: 'bureau-jsh-1',
      role: 'bureau',
      bureau: '330421',
    });
  });

  it('uses the development key (with a warning on stderr) in development', () => {
    const { code, out, err } = run(['--user', 'auditor-1'], {
      NODE_ENV: 'development',
    });
    expect(code).toBe(0);
    expect(err).toMatch(/^warning: AUTH_JWT_SECRET is not set/);
    expect(
      new AuthTokenService(DEV_INSECURE_JWT_SECRET).verify(out.trim()).role,
    ).toBe('auditor');
  });

  it('fails without a key outside development, naming AUTH_JWT_SECRET', () => {
    const { code, out, err } = run(['--user', 'admin-1'], {});
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^error: AUTH_JWT_SECRET is not set/);
  });

  it('takes an unset NODE_ENV as development when run from a shell, and still refuses in production', () => {
    const fresh = run(['--user', 'officer-qp-1'], mintTokenEnv({}));
    expect(fresh.code).toBe(0);
    expect(new AuthTokenService(DEV_INSECURE_JWT_SECRET).verify(fresh.out.trim()).sub).toBe('officer-qp-1');
    const prod = run(['--user', 'officer-qp-1'], mintTokenEnv({ NODE_ENV: 'production' }));
    expect(prod.code).toBe(1);
    expect(prod.err).toMatch(/^error: AUTH_JWT_SECRET is not set/);
  });

  it('fails on bad input', () => {
    expect(
      run([
        '--role',
        'officer',
        '--bureau',
        '31011',
        '--sub',
        'x',
        '--secret',
        SECRET,
      ]),
    ).toMatchObject({
      code: 1,
      err: expect.stringMatching(/bureau: must be a 6-digit/),
    });
    expect(
      run([
        '--role',
        'chief',
        '--bureau',
        '310118',
        '--sub',
        'x',
        '--secret',
        SECRET,
      ]).code,
    ).not.toBe(0);
    expect(run(['--role', 'officer', '--secret', SECRET])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/give --user/),
    });
  });
});
