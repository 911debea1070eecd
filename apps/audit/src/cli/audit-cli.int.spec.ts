import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { referralLifecycle, referralStream } from '@yrd/audit-domain';
import { eventCatalog, TopicRegistry } from '@yrd/contracts';
import { fixtureKeys } from '@yrd/event-log';
import { CommitStore, EventKeyStore } from '@yrd/event-store';
import { EventPublisher, provisionTopics } from '@yrd/messaging';
import { infraEnv, kafkaSaslEnv, mongoUrlFor, testKafka, uniqueName } from '@yrd/testing';
import { EXIT, runCli, type CliIo } from './audit-cli';

jest.setTimeout(120000);

describe('audit CLI on the real servers', () => {
  const namespace = uniqueName('auditcli');
  const database = uniqueName('auditcli_');
  const clean = uniqueName('clean');
  const broken = uniqueName('broken');
  let conn: Connection;
  let publisher: EventPublisher;
  let out: string;

  const cli = async (...argv: string[]) => {
    const lines: string[] = [];
    const io: CliIo = {
      out: (s) => lines.push(s),
      err: (s) => lines.push(s),
      env: { ...kafkaSaslEnv(infraEnv().kafkaSasl), KAFKA_BROKERS: infraEnv().kafkaBrokers.join(','), MONGO_URL: mongoUrlFor(database), KAFKA_TOPIC_NAMESPACE: namespace, AUDIT_REPORT_DIR: out },
      tty: false,
    };
    const code = await runCli(argv, io);
    return { code, text: lines.join('\n') };
  };

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'audit-cli-'));
    const kafka = testKafka();
    const topics = new TopicRegistry(namespace);
    await provisionTopics(kafka, topics.all(['referral']), { partitions: 2, replicationFactor: 1, minInSyncReplicas: 1 });
    conn = await mongoose.createConnection(mongoUrlFor(database)).asPromise();
    // The fixtures are signed with the fixture keys: published as the services publish theirs.
    for (const key of fixtureKeys()) await new EventKeyStore(conn).publish(key);
    const store = new CommitStore(conn, 'commits_clue_transfer');
    publisher = new EventPublisher(kafka, eventCatalog, topics);
    for (const id of [clean, broken]) {
      const events = referralStream(id, referralLifecycle(id));
      for (const e of events) await store.append([e]);
      // The broken stream lost version 2 on its way to the log.
      await publisher.publish(id === broken ? events.filter((e) => e.streamVersion !== 2) : events);
    }
  });

  afterAll(async () => {
    await publisher?.close();
    await conn?.dropDatabase();
    await conn?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('replay: summary, findings table, JSON + HTML report, exit code 1 with findings', async () => {
    const { code, text } = await cli('replay', '--name', 'all');
    expect(code).toBe(EXIT.findings);
    expect(text).toMatch(/verdict\s+findings/);
    expect(text).toMatch(new RegExp(`gap\\s+log\\s+referral-${broken}\\s+2`));
    expect(text).toMatch(new RegExp(`missing-in-log\\s+store\\s+referral-${broken}\\s+2`));
    const report = JSON.parse(readFileSync(join(out, 'all.json'), 'utf8'));
    expect(report.totals).toMatchObject({ events: 5, streams: 2, findings: 2 });
    expect(existsSync(join(out, 'all.html'))).toBe(true);
  });

  it('replay of a clean stream, and verify-case of a clean case: exit code 0', async () => {
    expect((await cli('replay', '--stream', `referral-${clean}`, '--name', 'one')).code).toBe(EXIT.clean);
    const { code, text } = await cli('verify-case', clean);
    expect(code).toBe(EXIT.clean);
    expect(text).toContain(`Case ${clean}: clean (1 streams, 3 events)`);
    expect((await cli('verify-case', broken)).code).toBe(EXIT.findings);
  });

  it('bad options: exit code 2 with the reason', async () => {
    const { code, text } = await cli('replay', '--from', 'yesterday');
    expect(code).toBe(EXIT.error);
    expect(text).toContain('--from must be an ISO date-time');
    expect((await cli('checkpoint')).text).toContain('no notary configured');
  });
});
