import { JwtService } from '@nestjs/jwt';
import { AUTH_AUDIENCE, AUTH_ISSUER } from './auth.constants';
import { DEV_USERS, devUser } from './dev-users';
import { PrincipalSchema } from './principal';
import {
  AuthTokenService,
  InvalidTokenError,
  mintToken,
  parseTtl,
} from './token';

const SECRET = 'token-spec-secret-0123456789-abcdefghij';

describe('tokens', () => {
  const service = new AuthTokenService(SECRET);

  it('round-trips a principal with the standard claims', () => {
    const officer = devUser('officer-wj-1');
    const now = new Date();
    const token = mintToken(officer, { secret: SECRET, ttl: '15m', now });
    expect(service.verify(token)).toEqual(officer);

    const claims = new JwtService().decode<Record<string, unknown>>(token);
    const iat = Math.floor(now.getTime() / 1000);
    expect(claims).toMatchObject({
      iss: AUTH_ISSUER,
      aud: AUTH_AUDIENCE,
      sub: 'officer-wj-1',
      role: 'officer',
      bureau: '320509',
      iat,
      exp: iat + 900,
    });
    expect(
      JSON.parse(
        Buffer.from(token.split('.')[0] ?? '', 'base64url').toString(),
      ),
    ).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('omits the name claim when there is none', () => {
    const token = service.sign({ sub: 'u1', role: 'bureau', bureau: '330421' });
    expect(service.verify(token)).toEqual({
      sub: 'u1',
      role: 'bureau',
      bureau: '330421',
    });
  });

  it('refuses to mint for an invalid principal', () => {
    expect(() =>
      mintToken(
        { sub: 'u1', role: 'officer', bureau: '3101' },
        { secret: SECRET },
      ),
    ).toThrow(/bureau: must be a 6-digit/);
    expect(() =>
      mintToken(
        { sub: '', role: 'officer', bureau: '310118' },
        { secret: SECRET },
      ),
    ).toThrow(/sub:/);
  });

  it('reports why a token is refused', () => {
    const expired = service.sign(devUser('admin-1'), {
      now: new Date(Date.now() - 3600_000),
      ttl: 60,
    });
    expect(() => service.verify(expired)).toThrow(
      expect.objectContaining({ reason: 'expired' }),
    );
    expect(() => service.verify('abc')).toThrow(InvalidTokenError);
    const hs512 = new JwtService({ secret: SECRET }).sign(
      { sub: 'u1', role: 'admin', bureau: '310000' },
      {
        algorithm: 'HS512',
        issuer: AUTH_ISSUER,
        audience: AUTH_AUDIENCE,
        expiresIn: 60,
      },
    );
    expect(() => service.verify(hs512)).toThrow(
      'Invalid token: invalid algorithm',
    );
  });

  it('parses TTLs', () => {
    expect(parseTtl('8h')).toBe(28800);
    expect(parseTtl('15m')).toBe(900);
    expect(parseTtl('7d')).toBe(604800);
    expect(parseTtl('90')).toBe(90);
    expect(parseTtl(120)).toBe(120);
    expect(() => parseTtl('soon')).toThrow(/Invalid TTL 'soon'/);
    expect(() => parseTtl('-5m')).toThrow(/Invalid TTL/);
    expect(() => parseTtl(0)).toThrow(/Invalid TTL/);
  });
});

describe('DEV_USERS', () => {
  it('are valid principals with unique ids', () => {
    for (const user of DEV_USERS)
      expect(PrincipalSchema.parse(user)).toEqual(user);
    expect(new Set(DEV_USERS.map((u) => u.sub)).size).toBe(DEV_USERS.length);
  });

  it('have an officer and a bureau user for every region, plus an auditor and an admin', () => {
    for (const bureau of [
      '310118',
      '320509',
      '330421',
      '310000',
      '320000',
      '330000',
      '340000',
    ]) {
      const roles = DEV_USERS.filter((u) => u.bureau === bureau).map(
        (u) => u.role,
      );
      expect(roles).toEqual(expect.arrayContaining(['officer', 'bureau']));
    }
    expect(DEV_USERS.filter((u) => u.role === 'auditor')).toHaveLength(1);
    expect(DEV_USERS.filter((u) => u.role === 'admin')).toHaveLength(1);
    expect(() => devUser('nobody')).toThrow(
      /Unknown development user 'nobody'/,
    );
  });
});
