import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withLocalDefaults } from './local-defaults';

describe('withLocalDefaults', () => {
  const repo = mkdtempSync(join(tmpdir(), 'local-defaults-'));
  mkdirSync(join(repo, 'deploy', 'local'), { recursive: true });
  writeFileSync(
    join(repo, 'deploy', 'local', 'env.sh'),
    'export YRD_KAFKA_PORT="${YRD_KAFKA_PORT:-19092}"\nexport KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:${YRD_KAFKA_PORT}}"\necho noise\n',
  );
  const nested = join(repo, 'apps', 'audit');
  mkdirSync(nested, { recursive: true });

  it('fills in what the shell file would, found from a folder below the repository', () => {
    const env = withLocalDefaults({ PATH: process.env['PATH'] }, nested);
    expect(env['KAFKA_BROKERS']).toBe('127.0.0.1:19092');
  });

  it("keeps the caller's values, and derives from them as the shell would", () => {
    const env = withLocalDefaults({ PATH: process.env['PATH'], YRD_KAFKA_PORT: '29092' }, repo);
    expect(env['KAFKA_BROKERS']).toBe('127.0.0.1:29092');
    expect(withLocalDefaults({ PATH: process.env['PATH'], KAFKA_BROKERS: 'kafka:9092' }, repo)['KAFKA_BROKERS']).toBe('kafka:9092');
  });

  it('never applies in production', () => {
    expect(withLocalDefaults({ PATH: process.env['PATH'], NODE_ENV: 'production' }, repo)['KAFKA_BROKERS']).toBeUndefined();
  });
});
