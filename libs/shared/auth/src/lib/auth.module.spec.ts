import {
  Controller,
  Get,
  HttpCode,
  INestApplication,
  Logger,
  Post,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import {
  AUTH_AUDIENCE,
  AUTH_ISSUER,
  DEV_INSECURE_JWT_SECRET,
} from './auth.constants';
import { AuthModule } from './auth.module';
import { BureauScopeValue } from './bureau-scope';
import {
  AllowAuditorWrite,
  BureauScope,
  CurrentPrincipal,
  Public,
  Roles,
} from './decorators';
import { devUser } from './dev-users';
import { Principal } from './principal';
import { AuthConfigError } from './secret';
import { mintToken } from './token';

const SECRET = 'test-secret-0123456789-abcdefghijklmnop';
const OTHER_SECRET = 'another-secret-0123456789-abcdefghijklm';

const qingpuOfficer = devUser('officer-qp-1');
const qingpuBureau = devUser('bureau-qp-1');
const auditor = devUser('auditor-1');
const admin = devUser('admin-1');

@Controller('cases')
class CasesController {
  @Get()
  list(
    @CurrentPrincipal() me: Principal,
    @BureauScope() scope: BureauScopeValue,
  ) {
    return { sub: me.sub, role: me.role, scope: scope ?? 'all' };
  }

  @Post()
  @Roles('officer', 'admin')
  create(@CurrentPrincipal() me: Principal) {
    return { createdBy: me.sub };
  }

  @Post('notes')
  addNote() {
    return { noted: true };
  }

  @Post('replay')
  @HttpCode(202)
  @AllowAuditorWrite()
  replay(@CurrentPrincipal() me: Principal) {
    return { startedBy: me.sub };
  }

  @Get('settings')
  @Roles('admin')
  settings() {
    return { ok: true };
  }
}

@Public()
@Controller('health')
class HealthController {
  @Get()
  health() {
    return { status: 'ok' };
  }
}

function bearer(token: string): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}

describe('AuthModule over HTTP', () => {
  let app: INestApplication;
  const token = (p: Principal, opts: Parameters<typeof mintToken>[1] = {}) =>
    mintToken(p, { secret: SECRET, ...opts });

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ secret: SECRET })],
      controllers: [CasesController, HealthController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  describe('authentication (401)', () => {
    it('refuses a request without a token, with a clear JSON message', async () => {
      const res = await request(app.getHttpServer()).get('/cases').expect(401);
      expect(res.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: expect.stringContaining('Missing bearer token'),
      });
    });

    it('refuses a non-Bearer Authorization header', async () => {
      const res = await request(app.getHttpServer())
        .get('/cases')
        .set('Authorization', 'Basic dXNlcjpwYXNz')
        .expect(401);
      expect(res.body.message).toMatch(/expected "Bearer <token>"/);
    });

    it('refuses a garbage token', async () => {
      const res = await request(app.getHttpServer())
        .get('/cases')
        .set(...bearer('not-a-jwt'))
        .expect(401);
      expect(res.body.message).toMatch(/^Invalid token: jwt malformed/);
    });

    it('refuses an expired token', async () => {
      const expired = token(qingpuOfficer, {
        now: new Date(Date.now() - 2 * 3600_000),
        ttl: '1h',
      });
      const res = await request(app.getHttpServer())
        .get('/cases')
        .set(...bearer(expired))
        .expect(401);
      expect(res.body.message).toMatch(/^Token expired at \d{4}-/);
    });

    it('refuses a token signed with another key', async () => {
      const forged = mintToken(admin, { secret: OTHER_SECRET });
      const res = await request(app.getHttpServer())
        .get('/cases')
        .set(...bearer(forged))
        .expect(401);
      expect(res.body.message).toBe('Invalid token: invalid signature');
    });

    it('refuses a token for another audience or issuer', async () => {
      const jwt = new JwtService({ secret: SECRET });
      const claims = { sub: 'x', role: 'admin', bureau: '310000' };
      const wrongAud = jwt.sign(claims, {
        issuer: AUTH_ISSUER,
        audience: 'someone-else',
        expiresIn: 60,
      });
      const wrongIss = jwt.sign(claims, {
        issuer: 'someone-else',
        audience: AUTH_AUDIENCE,
        expiresIn: 60,
      });
      await request(app.getHttpServer())
        .get('/cases')
        .set(...bearer(wrongAud))
        .expect(401);
      await request(app.getHttpServer())
        .get('/cases')
        .set(...bearer(wrongIss))
        .expect(401);
    });

    it('refuses a correctly signed token whose claims are malformed', async () => {
      const jwt = new JwtService({
        secret: SECRET,
        signOptions: { issuer: AUTH_ISSUER, audience: AUTH_AUDIENCE },
      });
      const badRole = jwt.sign(
        { sub: 'u1', role: 'superuser', bureau: '310118' },
        { expiresIn: 60 },
      );
      const badBureau = jwt.sign(
        { sub: 'u1', role: 'officer', bureau: 'qingpu' },
        { expiresIn: 60 },
      );
      const noExpiry = jwt.sign({
        sub: 'u1',
        role: 'officer',
        bureau: '310118',
      });

      const r1 = await request(app.getHttpServer())
        .get('/cases')
        .set(...bearer(badRole))
        .expect(401);
      expect(r1.body.message).toMatch(/^Invalid token claims: role:/);
      const r2 = await request(app.getHttpServer())
        .get('/cases')
        .set(...bearer(badBureau))
        .expect(401);
      expect(r2.body.message).toMatch(
        /^Invalid token claims: bureau: must be a 6-digit/,
      );
      const r3 = await request(app.getHttpServer())
        .get('/cases')
        .set(...bearer(noExpiry))
        .expect(401);
      expect(r3.body.message).toMatch(/^Invalid token claims: exp:/);
    });

    it('refuses an unsigned (alg none) token', async () => {
      const b64 = (o: object) =>
        Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', role: 'admin', bureau: '310000', iss: AUTH_ISSUER, aud: AUTH_AUDIENCE, exp: now + 60 })}.`;
      await request(app.getHttpServer())
        .get('/cases')
        .set(...bearer(unsigned))
        .expect(401);
    });

    it('lets @Public() routes through without a token', async () => {
      await request(app.getHttpServer())
        .get('/health')
        .expect(200, { status: 'ok' });
    });
  });

  describe('authorisation (403)', () => {
    it('refuses a role not listed in @Roles', async () => {
      const res = await request(app.getHttpServer())
        .post('/cases')
        .set(...bearer(token(qingpuBureau)))
        .expect(403);
      expect(res.body.message).toBe(
        "Role 'bureau' may not use this route (allowed: officer, admin)",
      );
      await request(app.getHttpServer())
        .get('/cases/settings')
        .set(...bearer(token(qingpuOfficer)))
        .expect(403);
    });

    it('lets listed roles through', async () => {
      await request(app.getHttpServer())
        .post('/cases')
        .set(...bearer(token(qingpuOfficer)))
        .expect(201, { createdBy: 'officer-qp-1' });
      await request(app.getHttpServer())
        .get('/cases/settings')
        .set(...bearer(token(admin)))
        .expect(200);
    });

    it('keeps auditors read-only: POST is refused', async () => {
      const res = await request(app.getHttpServer())
        .post('/cases/notes')
        .set(...bearer(token(auditor)))
        .expect(403);
      expect(res.body.message).toBe(
        "Auditors are read-only: POST is not allowed for role 'auditor'",
      );
      await request(app.getHttpServer())
        .post('/cases/notes')
        .set(...bearer(token(qingpuBureau)))
        .expect(201);
    });

    it('lets auditors read (GET)', async () => {
      await request(app.getHttpServer())
        .get('/cases')
        .set(...bearer(token(auditor)))
        .expect(200);
    });

    it('lets auditors write where @AllowAuditorWrite() says so', async () => {
      await request(app.getHttpServer())
        .post('/cases/replay')
        .set(...bearer(token(auditor)))
        .expect(202, { startedBy: 'auditor-1' });
    });
  });

  describe('bureau scope', () => {
    it('scopes an officer to its own bureau by default', async () => {
      const res = await request(app.getHttpServer())
        .get('/cases')
        .set(...bearer(token(qingpuOfficer)))
        .expect(200);
      expect(res.body).toEqual({
        sub: 'officer-qp-1',
        role: 'officer',
        scope: '310118',
      });
    });

    it('lets an officer ask for its own bureau explicitly', async () => {
      const res = await request(app.getHttpServer())
        .get('/cases?bureau=310118')
        .set(...bearer(token(qingpuOfficer)))
        .expect(200);
      expect(res.body.scope).toBe('310118');
    });

    it('refuses an officer reading another bureau', async () => {
      const res = await request(app.getHttpServer())
        .get('/cases?bureau=330421')
        .set(...bearer(token(qingpuOfficer)))
        .expect(403);
      expect(res.body.message).toBe(
        "Bureau scope: role 'officer' may only access its own bureau 310118, not 330421",
      );
    });

    it('refuses a bureau user reading another bureau', async () => {
      await request(app.getHttpServer())
        .get('/cases?bureau=320509')
        .set(...bearer(token(qingpuBureau)))
        .expect(403);
    });

    it('lets an auditor see all bureaus, or the one asked for', async () => {
      const all = await request(app.getHttpServer())
        .get('/cases')
        .set(...bearer(token(auditor)))
        .expect(200);
      expect(all.body.scope).toBe('all');
      const one = await request(app.getHttpServer())
        .get('/cases?bureau=330421')
        .set(...bearer(token(auditor)))
        .expect(200);
      expect(one.body.scope).toBe('330421');
    });

    it('rejects a malformed or repeated bureau parameter with 400', async () => {
      await request(app.getHttpServer())
        .get('/cases?bureau=qingpu')
        .set(...bearer(token(admin)))
        .expect(400);
      await request(app.getHttpServer())
        .get('/cases?bureau=310118&bureau=330421')
        .set(...bearer(token(admin)))
        .expect(400);
    });
  });
});

describe('AuthModule start-up', () => {
  const compile = (options: Parameters<typeof AuthModule.forRoot>[0]) =>
    Test.createTestingModule({
      imports: [AuthModule.forRoot(options)],
    }).compile();

  afterEach(() => jest.restoreAllMocks());

  it('fails in production without a key, naming AUTH_JWT_SECRET', async () => {
    await expect(compile({ env: { NODE_ENV: 'production' } })).rejects.toThrow(
      AuthConfigError,
    );
    await expect(compile({ env: { NODE_ENV: 'production' } })).rejects.toThrow(
      /AUTH_JWT_SECRET is not set/,
    );
  });

  it('fails when NODE_ENV is unset and there is no key', async () => {
    await expect(compile({ env: {} })).rejects.toThrow(/AUTH_JWT_SECRET/);
  });

  it('fails in production with a short key or the development key', async () => {
    await expect(
      compile({ env: { NODE_ENV: 'production', AUTH_JWT_SECRET: 'short' } }),
    ).rejects.toThrow(/AUTH_JWT_SECRET is too short/);
    await expect(
      compile({
        env: {
          NODE_ENV: 'production',
          AUTH_JWT_SECRET: DEV_INSECURE_JWT_SECRET,
        },
      }),
    ).rejects.toThrow(/AUTH_JWT_SECRET is the public development key/);
  });

  it('starts in production with a proper key', async () => {
    const moduleRef = await compile({
      env: { NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET },
    });
    await moduleRef.close();
  });

  it('falls back to the development key with a warning in development', async () => {
    const warn = jest
      .spyOn(Logger.prototype, 'warn')
      .mockImplementation(() => undefined);
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ env: { NODE_ENV: 'development' } })],
      controllers: [CasesController],
    }).compile();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('INSECURE development JWT key'),
    );

    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    const devToken = mintToken(qingpuOfficer, {
      env: { NODE_ENV: 'development' },
      warn: () => undefined,
    });
    await request(app.getHttpServer())
      .get('/cases')
      .set(...bearer(devToken))
      .expect(200);
    await app.close();
  });
});
