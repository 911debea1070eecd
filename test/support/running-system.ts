import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { infraEnv, mongoUrlFor, uniqueName, eventually, grantServiceAcls, serviceKafkaEnv, type ServiceAclGrant } from '@yrd/testing';
import { freePort } from './free-port';

export type ServiceName = 'case-intake' | 'clue-transfer' | 'evidence-notary' | 'notification' | 'audit' | 'gateway';

/** The variable through which the gateway finds each service. */
const GATEWAY_URL_VARS: Partial<Record<ServiceName, string>> = {
  'case-intake': 'CASE_INTAKE_URL',
  'clue-transfer': 'CLUE_TRANSFER_URL',
  'evidence-notary': 'EVIDENCE_NOTARY_URL',
  notification: 'NOTIFICATION_URL',
  audit: 'AUDIT_URL',
};

const ROOT = join(__dirname, '..', '..');
export const E2E_JWT_SECRET = 'e2e-only-secret-that-is-long-enough-0123456789';

interface Running {
  name: ServiceName;
  port: number;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * The built services started as real processes, as `npm start` does, but in a namespace of their
 * own: unique topics, database and queue prefix, free ports. Stops them all at the end.
 */
export class RunningSystem {
  readonly namespace = uniqueName('e2e');
  readonly env: Record<string, string>;
  private readonly running = new Map<ServiceName, Running>();
  private acls?: Promise<ServiceAclGrant>;

  constructor(extraEnv: Record<string, string> = {}) {
    const infra = infraEnv();
    this.env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGO_URL: mongoUrlFor(this.namespace),
      REDIS_URL: infra.redisUrl,
      AUTH_JWT_SECRET: E2E_JWT_SECRET,
      KAFKA_TOPIC_NAMESPACE: this.namespace,
      QUEUE_PREFIX: this.namespace,
      ...extraEnv,
    };
  }

  /** Starts the services; the gateway (serving the built console) last, pointed at the others. */
  async start(...names: ServiceName[]): Promise<void> {
    // Each service authenticates as its own principal: grant them this namespace's ACLs first.
    this.acls ??= grantServiceAcls(this.namespace);
    await this.acls;
    await Promise.all(names.filter((n) => n !== 'gateway').map((n) => this.startOne(n)));
    if (names.includes('gateway')) await this.startOne('gateway');
  }

  url(name: ServiceName): string {
    const r = this.running.get(name);
    if (!r) throw new Error(`${name} is not running`);
    return `http://127.0.0.1:${r.port}`;
  }

  /** SIGKILL: no shutdown hooks run, as in a crash. */
  async kill(name: ServiceName): Promise<void> {
    const r = this.running.get(name);
    if (!r) return;
    r.child.kill('SIGKILL');
    await r.exited;
    this.running.delete(name);
  }

  /** SIGTERM and wait: the graceful path; resolves with the exit code. */
  async stop(name: ServiceName): Promise<number | null> {
    const r = this.running.get(name);
    if (!r) return null;
    r.child.kill('SIGTERM');
    const code = await r.exited;
    this.running.delete(name);
    return code;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((n) => this.stop(n)));
    const acls = this.acls;
    this.acls = undefined;
    if (acls) await (await acls).revoke();
  }

  private async startOne(name: ServiceName, port?: number): Promise<void> {
    const main = join(ROOT, 'dist', 'apps', name, 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: build first (npx nx run-many -t build)`);
    const p = port ?? (await freePort());
    const logDir = join(ROOT, '.local', 'logs', 'e2e');
    mkdirSync(logDir, { recursive: true });
    const log = createWriteStream(join(logDir, `${this.namespace}-${name}.log`), { flags: 'a' });
    const serviceUrls: Record<string, string> = {};
    if (name === 'gateway') {
      // Services this test did not start point at a closed port, never at a system running
      // beside the tests on the default ports.
      for (const [service, key] of Object.entries(GATEWAY_URL_VARS)) {
        const r = this.running.get(service as ServiceName);
        serviceUrls[key] = `http://127.0.0.1:${r ? r.port : 1}`;
      }
    }
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, ...this.env, ...(name === 'gateway' ? {} : serviceKafkaEnv(name)), ...serviceUrls, PORT: String(p) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    this.running.set(name, { name, port: p, child, exited });
    let dead = false;
    void exited.then(() => (dead = true));
    await eventually(
      async () => {
        if (dead) throw new Error(`${name} exited during start-up; see .local/logs/e2e/${this.namespace}-${name}.log`);
        const res = await fetch(`http://127.0.0.1:${p}/health`);
        if (res.status !== 200) throw new Error(`${name} /health ${res.status}`);
      },
      { timeoutMs: 60000, intervalMs: 200 },
    ).catch((e) => {
      if (dead) throw new Error(`${name} exited during start-up; see .local/logs/e2e/${this.namespace}-${name}.log`);
      throw e;
    });
  }

  /** Restart a service that was killed or stopped, on a new port. */
  async restart(name: ServiceName): Promise<void> {
    await this.startOne(name);
  }
}
