/**
 * The published contract is the one enforced: schemathesis (an independent OpenAPI fuzzer) drives
 * every service's `/docs-json` with schema-valid and schema-invalid requests, as a signed-in user
 * of the role the service serves. Required: no server error, every response matching its declared
 * schema, no schema-valid request refused as invalid (400) — a domain refusal (403/404/409/422 for
 * a record that does not exist or is not in that state) is an answer, not a refusal of the data.
 *
 * Size: YRD_SCHEMATHESIS_EXAMPLES examples per operation (default 8; `=100` for the full run).
 * Run with `npm run test:contract` (builds nothing: build the services first). Not yet part of
 * `npm test`: see the README (API contract) for where each service stands.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devUser, mintToken } from '@yrd/auth';
import { E2E_JWT_SECRET, RunningSystem, type ServiceName } from '../support/running-system';

jest.setTimeout(30 * 60_000);

const ROOT = join(__dirname, '..', '..');
const SCHEMATHESIS = process.env['YRD_SCHEMATHESIS'] ?? join(process.env['HOME'] ?? '/root', '.cache', 'yrd-schemathesis', 'venv', 'bin', 'schemathesis');
const EXAMPLES = process.env['YRD_SCHEMATHESIS_EXAMPLES'] ?? '8';
const REPORTS = join(ROOT, '.local', 'logs', 'schemathesis');

/** Who signs in for each service: the role that service mainly serves. */
const SIGNED_IN_AS: Record<Exclude<ServiceName, 'gateway'>, string> = {
  'case-intake': 'officer-qp-1',
  'clue-transfer': 'bureau-wj-1',
  'evidence-notary': 'officer-qp-1',
  notification: 'admin-1',
  audit: 'auditor-1',
};

interface Outcome {
  code: number;
  output: string;
}

function schemathesis(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(SCHEMATHESIS, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

/** JUnit report → counts, and the failure messages for the assertion. */
function junitSummary(path: string): { tests: number; failures: string[] } {
  const xml = readFileSync(path, 'utf8');
  const tests = [...xml.matchAll(/<testcase\b/g)].length;
  const failures = [...xml.matchAll(/<testcase[^>]*name="([^"]*)"[^>]*>\s*<(?:failure|error)[^>]*message="([^"]*)"/g)].map((m) => `${m[1]}: ${m[2]}`);
  return { tests, failures };
}

describe('API contract (schemathesis against every service)', () => {
  const system = new RunningSystem();
  const services = Object.keys(SIGNED_IN_AS) as Array<keyof typeof SIGNED_IN_AS>;

  beforeAll(async () => {
    if (!existsSync(SCHEMATHESIS)) throw new Error(`${SCHEMATHESIS} is missing: run scripts/ensure-deps.sh ensure_schemathesis (npm test does)`);
    mkdirSync(REPORTS, { recursive: true });
    await system.start(...services);
  });

  afterAll(() => system.stopAll());

  it.each(services)('%s: no server error, responses match their schemas, valid data accepted', async (service) => {
    const token = mintToken(devUser(SIGNED_IN_AS[service]), { secret: E2E_JWT_SECRET, ttl: '2h' });
    const junit = join(REPORTS, `${system.namespace}-${service}.xml`);
    const run = await schemathesis([
      '--config-file',
      join(ROOT, 'test', 'schemathesis.toml'),
      'run',
      `${system.url(service)}/docs-json`,
      '--header',
      `Authorization: Bearer ${token}`,
      '--checks',
      'not_a_server_error,response_schema_conformance,positive_data_acceptance',
      '--mode',
      'all',
      '--phases',
      'examples,coverage,fuzzing',
      '--max-examples',
      EXAMPLES,
      '--seed',
      '20261207',
      '--workers',
      '2',
      '--request-timeout',
      '20',
      '--report',
      'junit',
      '--report-junit-path',
      junit,
      '--suppress-health-check',
      'all',
      '--warnings',
      'off',
    ]);
    const summary = existsSync(junit) ? junitSummary(junit) : { tests: 0, failures: [run.output.slice(-4000)] };
    console.log(`${service}: ${summary.tests} operations, ${summary.failures.length} failing (schemathesis exit ${run.code}; report ${junit})`);
    expect(summary.failures).toEqual([]);
    expect(summary.tests).toBeGreaterThan(0);
    expect(run.code).toBe(0);
  });
});
