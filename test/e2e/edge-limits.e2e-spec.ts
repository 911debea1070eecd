/**
 * The edge checks (docs/api-limits.md) on a running service, directly and through the gateway
 * (which only proxies: the service answers and the gateway passes its 4xx on, never a 500).
 */
import { mintToken, devUser } from '@yrd/auth';
import { E2E_JWT_SECRET, RunningSystem } from '../support/running-system';

jest.setTimeout(180_000);

describe('edge limits on the running case-intake service, directly and through the gateway', () => {
  const system = new RunningSystem();
  const token = mintToken(devUser('officer-qp-1'), { secret: E2E_JWT_SECRET });

  beforeAll(async () => {
    await system.start('case-intake', 'gateway');
  });

  afterAll(async () => {
    await system.stopAll();
  });

  const bases = () => [
    ['directly', system.url('case-intake')],
    ['through the gateway', `${system.url('gateway')}/api/case-intake`],
  ];

  const send = (base: string, path: string, body: string, type = 'application/json') =>
    fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });

  it('answers 400 naming the field for a lone surrogate, NUL or escape in a clue, 400 for 3,000-deep JSON, 413 for 2 MiB, 415 for text', async () => {
    for (const [how, base] of bases()) {
      const surrogate = await send(base, '/clues', '{"facts":"a\\ud800b"}');
      expect([how, surrogate.status, ((await surrogate.json()) as { errors: { field: string }[] }).errors[0]?.field]).toEqual([how, 400, 'facts']);
      const nul = await send(base, '/clues', '{"facts":"a\\u0000b","subject":{"name":"x"}}');
      expect([how, nul.status]).toEqual([how, 400]);
      const deep = await send(base, '/clues', `{"facts":${'['.repeat(3000)}${']'.repeat(3000)}}`);
      expect([how, deep.status, ((await deep.json()) as { message: string }).message]).toEqual([how, 400, 'JSON body nests deeper than 32 levels']);
      const big = await send(base, '/clues', JSON.stringify({ facts: 'x'.repeat(2 * 1024 * 1024) }));
      expect([how, big.status]).toEqual([how, 413]);
      const text = await send(base, '/clues', 'facts', 'text/plain');
      expect([how, text.status]).toEqual([how, 415]);
      const query = await fetch(`${base}/clues?q=%00`, { headers: { authorization: `Bearer ${token}` } });
      expect([how, query.status]).toEqual([how, 400]);
    }
  });

  it('answers 400 for a discretion suggestion without facts and for 2026-02-30', async () => {
    for (const [how, base] of bases()) {
      const empty = await send(base, '/discretion/suggest', '{}');
      expect([how, empty.status, ((await empty.json()) as { message: string[] }).message]).toEqual([how, 400, ['facts should not be null or undefined', 'facts must be an object']]);
      const feb30 = await send(base, '/exemptions/evaluate', JSON.stringify({ caseRef: 'c', bureau: '310118', subject: { name: 'x' }, violationKind: 'advertising.absolute-terms', caseDate: '2026-02-30' }));
      expect([how, feb30.status, ((await feb30.json()) as { message: string[] }).message]).toEqual([how, 400, ['caseDate must be a calendar date YYYY-MM-DD (not before 1949-10-01)']]);
    }
  });
});
