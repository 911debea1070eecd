import { CONTEXTS, TopicRegistry, type BoundedContext } from './topics';

/**
 * Who may do what on the broker: each service authenticates as its own principal (its name) and
 * the broker's ACLs allow it only the topics below. The one table behind the local broker's ACLs,
 * the test harness's grants and the production `kafka-acls` commands (docs/kafka-acl.md).
 */
export const SERVICE_PRINCIPALS = ['case-intake', 'clue-transfer', 'evidence-notary', 'notification', 'audit'] as const;
export type ServicePrincipal = (typeof SERVICE_PRINCIPALS)[number];

export interface TopicAccess {
  /** Contexts whose events the service writes (its aggregates' events). */
  writes: readonly BoundedContext[];
  /** Contexts whose events it consumes (it dead-letters to their `.dlq` topics). */
  reads: readonly BoundedContext[] | 'all';
}

/**
 * From the code: the aggregates each service's features write (by their events' contexts) and the
 * topics its consumers and read-model tails follow. A service creates the topics (events + DLQ) of
 * every context it touches at start-up, so it may create those too.
 */
export const TOPIC_ACCESS: Readonly<Record<ServicePrincipal, TopicAccess>> = {
  // Clues (intake); penalty decisions and discretion standards (sanctions). Clue views, sanctions read
  // models, and evidence notarized for a clue (notary) to link it to the clue.
  'case-intake': { writes: ['intake', 'sanctions'], reads: ['intake', 'referral', 'sanctions', 'notary'] },
  // Referrals, assistance, joint actions; recognitions and sanctions; bulletins.
  'clue-transfer': { writes: ['referral', 'sanctions', 'bulletin'], reads: ['intake', 'referral', 'sanctions', 'bulletin'] },
  // Evidence and tree heads; the case directory follows intake.
  'evidence-notary': { writes: ['notary'], reads: ['intake'] },
  // Delivery receipts; the router follows every context that notifies (integrity alerts included).
  notification: { writes: ['notification'], reads: ['intake', 'referral', 'sanctions', 'bulletin', 'audit'] },
  // The auditor reads the whole log (and every DLQ); it writes only its integrity alerts.
  audit: { writes: ['audit'], reads: 'all' },
};

export type AclOperation = 'Read' | 'Write' | 'Create' | 'Describe' | 'Delete';

/** One allow rule, in the broker's terms. */
export interface KafkaAcl {
  principal: `User:${string}`;
  resourceType: 'Topic' | 'Group';
  patternType: 'Literal' | 'Prefixed';
  resourceName: string;
  operations: readonly AclOperation[];
}

/**
 * The consumer groups of a service start with this: `<service>.` in the production namespace,
 * `<namespace>.<service>.` elsewhere (a test run's consumers never join a running system's groups).
 */
export function consumerGroupPrefix(namespace: string, service: string): string {
  return namespace === 'yrd' ? `${service}.` : `${namespace}.${service}.`;
}

/** The ACLs every service needs on the topics and groups of one namespace. */
export function kafkaAclsFor(namespace: string): KafkaAcl[] {
  const topics = new TopicRegistry(namespace);
  return SERVICE_PRINCIPALS.flatMap((service): KafkaAcl[] => {
    const principal = `User:${service}` as const;
    const access = TOPIC_ACCESS[service];
    const reads = access.reads === 'all' ? [] : access.reads;
    const touched = CONTEXTS.filter((c) => access.writes.includes(c) || reads.includes(c));
    const literal = (resourceName: string, operations: AclOperation[]): KafkaAcl => ({ principal, resourceType: 'Topic', patternType: 'Literal', resourceName, operations });
    return [
      ...touched.flatMap((c) => {
        const events = topics.eventsTopic(c);
        return [
          literal(events, ['Create', 'Describe', ...(access.writes.includes(c) ? ['Write' as const] : []), ...(reads.includes(c) ? ['Read' as const] : [])]),
          literal(topics.dlqTopic(events), ['Create', 'Describe', ...(reads.includes(c) ? ['Write' as const] : [])]),
        ];
      }),
      ...(access.reads === 'all' ? [{ principal, resourceType: 'Topic', patternType: 'Prefixed', resourceName: `${namespace}.`, operations: ['Read', 'Describe', 'Create'] } as KafkaAcl] : []),
      { principal, resourceType: 'Group', patternType: 'Prefixed', resourceName: consumerGroupPrefix(namespace, service), operations: ['Read', 'Describe', 'Delete'] },
    ];
  });
}

/** The same ACLs as `kafka-acls.sh` commands, for an operator setting up a cluster. */
export function kafkaAclCommands(namespace: string, bootstrap = '$BOOTSTRAP', commandConfig = 'admin.properties'): string[] {
  return kafkaAclsFor(namespace).map(
    (a) =>
      `kafka-acls.sh --bootstrap-server ${bootstrap} --command-config ${commandConfig} --add --allow-principal ${a.principal} ` +
      `--${a.resourceType.toLowerCase()} '${a.resourceName}' --resource-pattern-type ${a.patternType.toLowerCase()} ` +
      a.operations.map((o) => `--operation ${o}`).join(' '),
  );
}
