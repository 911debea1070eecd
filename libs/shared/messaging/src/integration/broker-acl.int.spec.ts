/**
 * The broker enforces who may write: each service's principal, with the ACLs of a namespace
 * granted as the test harness grants them (grantServiceAcls), on the real local broker, through
 * the raw kafkajs client.
 */
import { Kafka, logLevel, type Consumer, type KafkaConfig, type Producer } from 'kafkajs';
import { consumerGroupPrefix, TopicRegistry, type ServicePrincipal } from '@yrd/contracts';
import { grantServiceAcls, infraEnv, kafkaCredential, testKafka, testKafkaConfig, uniqueName, type ServiceAclGrant } from '@yrd/testing';
import { provisionTopics } from '../index';

jest.setTimeout(60000);

/** A client of one principal (kafkajs does not retry an authorization failure). */
function clientAs(principal: ServicePrincipal, extra: Partial<KafkaConfig> = {}): Kafka {
  const sasl = kafkaCredential(principal);
  if (!sasl) throw new Error(`no credential for ${principal}: the local broker runs without SASL (deploy/local/kafka.sh)`);
  return new Kafka({ ...testKafkaConfig(`acl-test-${principal}`), sasl, ...extra });
}

/** kafkajs error type of a rejection, wherever kafkajs put it (the error or its cause). */
async function failureType(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (e) {
    const err = e as { type?: string; name?: string; cause?: { type?: string } };
    return err.type ?? err.cause?.type ?? err.name ?? 'unknown';
  }
  throw new Error('expected the broker to refuse');
}

/** The first crash of a consumer (kafkajs reports a failed group join or fetch as a CRASH event). */
function firstCrash(consumer: Consumer): Promise<string> {
  return new Promise((resolve) => {
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      const err = payload.error as { type?: string; name?: string };
      resolve(err.type ?? err.name ?? 'unknown');
    });
  });
}

describe('Kafka ACLs: the broker enforces who may write and read', () => {
  const topics = new TopicRegistry(uniqueName('acl'));
  const referral = topics.eventsTopic('referral');
  const notification = topics.eventsTopic('notification');
  let grant: ServiceAclGrant;
  const open: Array<Producer | Consumer> = [];

  beforeAll(async () => {
    expect(infraEnv().kafkaSasl).toBeDefined();
    grant = await grantServiceAcls(topics.namespace);
    await provisionTopics(testKafka(), topics.all(['referral', 'notification']), { partitions: 1, replicationFactor: 1, minInSyncReplicas: 1 });
  });

  afterAll(async () => {
    await Promise.allSettled(open.map((c) => c.disconnect()));
    await grant?.revoke();
  });

  async function producerOf(principal: ServicePrincipal): Promise<Producer> {
    // As the EventPublisher: idempotent, one request in flight.
    const producer = clientAs(principal).producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    open.push(producer);
    await producer.connect();
    return producer;
  }

  const record = (value: string) => [{ key: 'stream-1', value }];

  it('the owning service (clue-transfer) writes the referral topic', async () => {
    const producer = await producerOf('clue-transfer');
    const [ack] = await producer.send({ topic: referral, acks: -1, messages: record('from clue-transfer') });
    expect(ack?.errorCode).toBe(0);
  });

  it('another service (notification) is refused on the referral topic, and writes its own', async () => {
    const producer = await producerOf('notification');
    expect(await failureType(producer.send({ topic: referral, acks: -1, messages: record('forged') }))).toBe('TOPIC_AUTHORIZATION_FAILED');
    const [ack] = await producer.send({ topic: notification, acks: -1, messages: record('receipt') });
    expect(ack?.errorCode).toBe(0);
  });

  it('a client without credentials, or with a wrong password, is not let in', async () => {
    // The SASL listener closes the connection on a request that does not start with the SASL handshake.
    const { sasl: _none, ...plain } = testKafkaConfig('acl-test-anonymous');
    const anonymous = new Kafka({ ...plain, retry: { retries: 0 }, connectionTimeout: 2000, requestTimeout: 3000 }).admin();
    expect(await failureType(anonymous.connect().then(() => anonymous.listTopics()))).toBe('KafkaJSConnectionClosedError');
    await anonymous.disconnect();

    const wrong = new Kafka({ ...testKafkaConfig('acl-test-wrong'), sasl: { mechanism: 'scram-sha-512', username: 'clue-transfer', password: 'not-the-password' }, retry: { retries: 0 } }).producer();
    expect(await failureType(wrong.connect())).toBe('KafkaJSSASLAuthenticationError');
  });

  it('a consumer without READ on the topic (evidence-notary on referral) is refused; the reader it is for reads', async () => {
    const outsider = clientAs('evidence-notary').consumer({ groupId: `${consumerGroupPrefix(topics.namespace, 'evidence-notary')}snoop`, retry: { retries: 0 } });
    open.push(outsider);
    await outsider.connect();
    expect(await failureType(outsider.subscribe({ topics: [referral], fromBeginning: true }))).toBe('TOPIC_AUTHORIZATION_FAILED');

    const reader = clientAs('notification').consumer({ groupId: `${consumerGroupPrefix(topics.namespace, 'notification')}router-test`, retry: { retries: 0 } });
    open.push(reader);
    await reader.connect();
    await reader.subscribe({ topics: [referral], fromBeginning: true });
    const first = new Promise<string>((resolve) => void reader.run({ eachMessage: async ({ message }) => resolve(String(message.value)) }));
    expect(await first).toBe('from clue-transfer');
  });

  it('the auditor reads every topic of the namespace in a group of its own, and writes none of the services’ topics', async () => {
    const auditor = clientAs('audit').consumer({ groupId: `${consumerGroupPrefix(topics.namespace, 'audit')}replay-test`, retry: { retries: 0 } });
    open.push(auditor);
    await auditor.connect();
    await auditor.subscribe({ topics: [referral, notification], fromBeginning: true });
    const read = new Set<string>();
    const both = new Promise<void>((resolve) =>
      void auditor.run({
        eachMessage: async ({ topic }) => {
          read.add(topic);
          if (read.size === 2) resolve();
        },
      }),
    );
    await both;
    expect([...read].sort()).toEqual([notification, referral].sort());
    // It writes only its own integrity alerts (the audit topic): never a service's topic.
    const plain = clientAs('audit').producer({ allowAutoTopicCreation: false });
    open.push(plain);
    await plain.connect();
    expect(await failureType(plain.send({ topic: notification, acks: -1, messages: record('forged') }))).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await failureType(plain.send({ topic: referral, acks: -1, messages: record('forged') }))).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it("a consumer may not use another service's consumer group", async () => {
    // kafkajs reports a refused FindCoordinator as "coordinator not found": the broker's own answer is in its debug log.
    const answers: string[] = [];
    const thief = clientAs('notification', {
      logLevel: logLevel.DEBUG,
      logCreator: () => ({ log }) => {
        const type = (log['error'] as { type?: string } | undefined)?.type;
        if (type) answers.push(type);
      },
    }).consumer({ groupId: `${consumerGroupPrefix(topics.namespace, 'clue-transfer')}referral-views`, retry: { retries: 0 } });
    open.push(thief);
    await thief.connect();
    await thief.subscribe({ topics: [referral], fromBeginning: true });
    const crash = firstCrash(thief);
    await thief.run({ eachMessage: async () => undefined });
    expect(await crash).toBe('KafkaJSGroupCoordinatorNotFound');
    expect(answers).toContain('GROUP_AUTHORIZATION_FAILED');
  });
});
