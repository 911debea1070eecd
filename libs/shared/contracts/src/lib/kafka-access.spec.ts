import { consumerGroupPrefix, kafkaAclCommands, kafkaAclsFor, SERVICE_PRINCIPALS } from './kafka-access';

const writersOf = (namespace: string, context: string) =>
  kafkaAclsFor(namespace)
    .filter((a) => a.resourceType === 'Topic' && a.resourceName === `${namespace}.${context}.events` && a.operations.includes('Write'))
    .map((a) => a.principal)
    .sort();

describe('the services’ Kafka ACLs', () => {
  it('lets only the owning services write each context’s topic', () => {
    expect(writersOf('yrd', 'intake')).toEqual(['User:case-intake']);
    expect(writersOf('yrd', 'referral')).toEqual(['User:clue-transfer']);
    expect(writersOf('yrd', 'sanctions')).toEqual(['User:case-intake', 'User:clue-transfer']);
    expect(writersOf('yrd', 'bulletin')).toEqual(['User:clue-transfer']);
    expect(writersOf('yrd', 'notary')).toEqual(['User:evidence-notary']);
    expect(writersOf('yrd', 'notification')).toEqual(['User:notification']);
    expect(writersOf('yrd', 'audit')).toEqual(['User:audit']);
    expect(writersOf('yrd', 'diagnostics')).toEqual([]);
  });

  it('lets a consumer read its topics and dead-letter to their DLQs, not write them', () => {
    const notification = kafkaAclsFor('t1').filter((a) => a.principal === 'User:notification');
    const on = (name: string) => notification.find((a) => a.resourceName === name)?.operations;
    expect(on('t1.referral.events')).toEqual(['Create', 'Describe', 'Read']);
    expect(on('t1.referral.events.dlq')).toEqual(['Create', 'Describe', 'Write']);
    expect(on('t1.notary.events')).toBeUndefined();
  });

  it('gives the auditor read on the whole namespace and writes only to its integrity alerts', () => {
    const audit = kafkaAclsFor('yrd').filter((a) => a.principal === 'User:audit' && a.resourceType === 'Topic');
    expect(audit).toContainEqual({ principal: 'User:audit', resourceType: 'Topic', patternType: 'Prefixed', resourceName: 'yrd.', operations: ['Read', 'Describe', 'Create'] });
    expect(audit.filter((a) => a.operations.includes('Write')).map((a) => a.resourceName)).toEqual(['yrd.audit.events']);
  });

  it('gives each service its own consumer groups, namespaced outside production', () => {
    expect(consumerGroupPrefix('yrd', 'audit')).toBe('audit.');
    expect(consumerGroupPrefix('e2eabc', 'audit')).toBe('e2eabc.audit.');
    const groups = kafkaAclsFor('e2eabc').filter((a) => a.resourceType === 'Group');
    expect(groups.map((g) => [g.principal, g.resourceName, g.patternType])).toEqual(
      SERVICE_PRINCIPALS.map((s) => [`User:${s}`, `e2eabc.${s}.`, 'Prefixed']),
    );
  });

  it('names only the namespace’s own topics', () => {
    for (const a of kafkaAclsFor('t2').filter((x) => x.resourceType === 'Topic')) expect(a.resourceName.startsWith('t2.')).toBe(true);
  });

  it('prints one kafka-acls command per rule', () => {
    const commands = kafkaAclCommands('yrd', 'broker:9092');
    expect(commands).toHaveLength(kafkaAclsFor('yrd').length);
    expect(commands).toContain(
      "kafka-acls.sh --bootstrap-server broker:9092 --command-config admin.properties --add --allow-principal User:audit --topic 'yrd.' --resource-pattern-type prefixed --operation Read --operation Describe --operation Create",
    );
  });
});
