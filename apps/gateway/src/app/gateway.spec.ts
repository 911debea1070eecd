import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AuthTokenService } from '@yrd/auth';
import { createGateway } from './gateway';
import { gatewayConfig } from './gateway-config';

const SECRET = 'gateway-spec-secret-0123456789-abcdefgh';

describe('gateway', () => {
  let upstream: Server;
  let upstreamUrl: string;
  const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];
  const consoleDir = mkdtempSync(join(tmpdir(), 'console-'));
  writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(consoleDir, 'app.js'), 'console.log(1)');

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
        res.writeHead(409, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 409, message: '不得再自行移送' }));
      });
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

  const gateway = (env: Record<string, string>) =>
    createGateway(gatewayConfig({ CONSOLE_DIR: consoleDir, CLUE_TRANSFER_URL: upstreamUrl, AUDIT_URL: 'http://127.0.0.1:1', ...env }));

  it('passes /api/<service>/<path> to the service with method, query, token and body, and its answer back', async () => {
    const res = await request(gateway({ NODE_ENV: 'production' }))
      .post('/api/clue-transfer/referrals/rf-1/designate?x=1')
      .set('authorization', 'Bearer abc')
      .send({ to: '320000' });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('不得再自行移送');
    expect(seen.at(-1)).toEqual({ method: 'POST', url: '/referrals/rf-1/designate?x=1', auth: 'Bearer abc', body: '{"to":"320000"}' });
  });

  it('answers 502 naming the service when it is down, and 404 for an unknown API', async () => {
    const app = gateway({ NODE_ENV: 'production' });
    const down = await request(app).get('/api/audit/audit/replays');
    expect(down.status).toBe(502);
    expect(down.body.message).toBe('audit is not reachable');
    const unknown = await request(app).get('/api/nothing/here');
    expect(unknown.status).toBe(404);
  });

  it('serves the console and falls back to index.html for client-side routes', async () => {
    const app = gateway({ NODE_ENV: 'production' });
    expect((await request(app).get('/app.js')).text).toBe('console.log(1)');
    const deep = await request(app).get('/referrals/rf-123');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<div id="root">');
  });

  it('has no development sign-in in production', async () => {
    const app = gateway({ NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET });
    expect((await request(app).get('/api/auth/dev-users')).status).toBe(404);
    expect((await request(app).post('/api/auth/dev-login').send({ user: 'auditor-1' })).status).toBe(404);
  });

  it('mints a verifiable token for a development user in test mode, and refuses an unknown one', async () => {
    const app = gateway({ NODE_ENV: 'test', AUTH_JWT_SECRET: SECRET });
    const users = await request(app).get('/api/auth/dev-users');
    expect(users.body.map((u: { sub: string }) => u.sub)).toContain('bureau-jsh-1');
    const login = await request(app).post('/api/auth/dev-login').send({ user: 'bureau-jsh-1' });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ sub: 'bureau-jsh-1', role: 'bureau', bureau: '330421' });
    expect(new AuthTokenService(SECRET).verify(login.body.token)).toMatchObject({ sub: 'bureau-jsh-1', bureau: '330421' });
    const bad = await request(app).post('/api/auth/dev-login').send({ user: 'mallory' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("unknown development user 'mallory'");
  });

  it('refuses a bad service URL at start-up, naming the variable', () => {
    expect(() => gatewayConfig({ CASE_INTAKE_URL: 'not a url' })).toThrow('CASE_INTAKE_URL');
  });
});
