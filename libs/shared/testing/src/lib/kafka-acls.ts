import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type AclEntry,
  type Admin,
  type Kafka,
} from 'kafkajs';
import { kafkaAclsFor, type AclOperation, type KafkaAcl } from '@yrd/contracts';
import { eventually } from './eventually';
import { infraEnv } from './infra-env';
import { testKafka } from './kafka-test-client';

const OPERATION: Record<AclOperation, AclOperationTypes> = {
  Read: AclOperationTypes.READ,
  Write: AclOperationTypes.WRITE,
  Create: AclOperationTypes.CREATE,
  Describe: AclOperationTypes.DESCRIBE,
  Delete: AclOperationTypes.DELETE,
};

/** The broker's entries for the ACL table (one per operation). */
export function aclEntries(acls: readonly KafkaAcl[]): AclEntry[] {
  return acls.flatMap((a) =>
    a.operations.map((operation) => ({
      resourceType: a.resourceType === 'Topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
      resourceName: a.resourceName,
      resourcePatternType: a.patternType === 'Literal' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
      principal: a.principal,
      host: '*',
      operation: OPERATION[operation],
      permissionType: AclPermissionTypes.ALLOW,
    })),
  );
}

export interface ServiceAclGrant {
  /** Removes the namespace's ACLs again (a test run's, so they do not pile up on the broker). */
  revoke(): Promise<void>;
}

/**
 * Grants each service principal its ACLs on one namespace's topics and groups (kafkaAclsFor), as
 * the admin, and resolves once the broker's authorizer has them all. Nothing to do (and nothing
 * granted) on a broker without SASL.
 */
export async function grantServiceAcls(namespace: string, kafka: Kafka = testKafka()): Promise<ServiceAclGrant> {
  if (!infraEnv().kafkaSasl) return { revoke: async () => undefined };
  const entries = aclEntries(kafkaAclsFor(namespace));
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createAcls({ acl: entries });
    // The authorizer applies them from the metadata log: wait until it answers with all of them.
    await eventually(
      async () => {
        const found = await countAcls(admin, entries);
        if (found < entries.length) throw new Error(`${found} of ${entries.length} ACLs of ${namespace} in effect`);
      },
      { timeoutMs: 15000, intervalMs: 100 },
    );
  } finally {
    await admin.disconnect();
  }
  return {
    revoke: async () => {
      const a = kafka.admin();
      await a.connect();
      try {
        await a.deleteAcls({
          filters: entries.map(({ resourceType, resourceName, resourcePatternType, principal, host, operation, permissionType }) => ({
            resourceType,
            resourceName,
            resourcePatternType,
            principal,
            host,
            operation,
            permissionType,
          })),
        });
      } finally {
        await a.disconnect();
      }
    },
  };
}

/** How many of these entries the broker's authorizer has (describeAcls is answered from it). */
async function countAcls(admin: Admin, entries: readonly AclEntry[]): Promise<number> {
  const res = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  const key = (e: { resourceType: number; resourcePatternType: number; resourceName: string; principal: string; operation: number }) =>
    `${e.resourceType}/${e.resourcePatternType}/${e.resourceName}/${e.principal}/${e.operation}`;
  const present = new Set(res.resources.flatMap((r) => r.acls.map((a) => key({ ...r, ...a }))));
  return entries.filter((e) => present.has(key(e))).length;
}
