/**
 * The services' Kafka ACLs on one topic namespace (the table: libs/shared/contracts kafka-access.ts).
 *
 *   npx tsx --tsconfig tools/tsconfig.json tools/kafka-acl.ts grant [NAMESPACE]     # on the local broker, as the admin
 *   npx tsx --tsconfig tools/tsconfig.json tools/kafka-acl.ts commands [NAMESPACE]  # the same as kafka-acls.sh commands
 *
 * NAMESPACE defaults to KAFKA_TOPIC_NAMESPACE or `yrd`. `grant` is idempotent (the broker keeps one copy of an ACL).
 */
import { kafkaAclCommands, kafkaAclsFor, TopicRegistry } from '@yrd/contracts';
import { grantServiceAcls, infraEnv } from '@yrd/testing';

async function main(): Promise<void> {
  const [action, ns] = process.argv.slice(2);
  const namespace = new TopicRegistry(ns || process.env['KAFKA_TOPIC_NAMESPACE'] || 'yrd').namespace;
  if (action === 'commands') {
    console.log(kafkaAclCommands(namespace).join('\n'));
    return;
  }
  if (action !== 'grant') throw new Error('usage: kafka-acl.ts grant|commands [NAMESPACE]');
  if (!infraEnv().kafkaSasl) {
    console.log('kafka-acl: the broker runs without SASL (no admin credential): nothing to grant');
    return;
  }
  await grantServiceAcls(namespace);
  console.log(`kafka-acl: ${kafkaAclsFor(namespace).length} ACL rules of the services in effect on namespace ${namespace}`);
}

main().catch((e: unknown) => {
  console.error(`kafka-acl: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
