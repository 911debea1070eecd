import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { RunningSystem, type ServiceName } from '../support/running-system';

const SERVICES: ServiceName[] = ['case-intake', 'clue-transfer', 'evidence-notary', 'notification', 'audit'];

describe('the five services on the real local servers', () => {
  const system = new RunningSystem();

  beforeAll(async () => {
    await system.start(...SERVICES);
  });

  afterAll(async () => {
    await system.stopAll();
  });

  it.each(SERVICES)('%s reports Kafka, MongoDB and Redis healthy', async (name) => {
    const res = await new ApiClient(system.url(name), null).get<{ status: string; info: Record<string, { status: string }> }>('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(Object.keys(res.body.info).sort()).toEqual(['kafka', 'mongodb', 'redis']);
    expect(Object.values(res.body.info).every((c) => c.status === 'up')).toBe(true);
  });

  it.each(SERVICES)('%s serves its OpenAPI document with bearer auth', async (name) => {
    const res = await new ApiClient(system.url(name), null).get<{ openapi: string; components: { securitySchemes: Record<string, unknown> } }>('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.components.securitySchemes)).toContain('bearer');
  });

  it('refuses a protected route without a token (401) and a wrong role (403)', async () => {
    expect((await new ApiClient(system.url('case-intake'), null).get('/clues')).status).toBe(401);
    const garbage = await fetch(`${system.url('case-intake')}/clues`, { headers: { authorization: 'Bearer not.a.jwt' } });
    expect(garbage.status).toBe(401);
    const auditor = await new ApiClient(system.url('case-intake'), 'auditor-1').post('/clues', {});
    expect(auditor.status).toBe(403);
  });

  it('echoes a valid correlation id', async () => {
    const res = await fetch(`${system.url('audit')}/health`, { headers: { 'x-correlation-id': 'e2e-corr-123' } });
    expect(res.headers.get('x-correlation-id')).toBe('e2e-corr-123');
  });

  it('a SIGTERM stops a service cleanly with exit code 0', async () => {
    expect(await system.stop('notification')).toBe(0);
  });
});

describe('start-up configuration', () => {
  it('a missing setting stops start-up with a message naming the variable', async () => {
    const main = join(__dirname, '..', '..', 'dist', 'apps', 'audit', 'main.js');
    const { KAFKA_BROKERS: _unset, ...inherited } = process.env;
    const env = { ...inherited, NODE_ENV: 'test', MONGO_URL: 'mongodb://127.0.0.1:1/x', REDIS_URL: 'redis://127.0.0.1:1' };
    const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toContain('KAFKA_BROKERS');
  });
});
