import { z } from 'zod';
import type { EventCatalog } from './event-catalog';
import { EventEnvelope } from './envelope';
import { CONTEXTS, TopicRegistry } from './topics';

/**
 * The AsyncAPI 3 document of every topic and event, generated from the catalogue so the
 * published contract can never drift from the schemas consumers validate against.
 */
export function asyncApiDocument(catalog: EventCatalog, topics = new TopicRegistry('yrd')): Record<string, unknown> {
  const defs = catalog.definitions();
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const def of defs) {
    const envelope = z.toJSONSchema(EventEnvelope, { unrepresentable: 'any' }) as Record<string, unknown>;
    const props = { ...(envelope['properties'] as Record<string, unknown>) };
    props['type'] = { const: def.type };
    props['schemaVersion'] = { const: def.schemaVersion };
    props['payload'] = z.toJSONSchema(def.payload, { unrepresentable: 'any' });
    messages[def.type] = {
      name: def.type,
      title: def.type,
      summary: def.summary,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          'yrd-event-type': { type: 'string', const: def.type },
          'yrd-event-id': { type: 'string' },
          'yrd-correlation-id': { type: 'string' },
        },
      },
      payload: { ...envelope, properties: props },
      bindings: { kafka: { key: { type: 'string', description: 'streamId' } } },
    };
  }
  for (const context of CONTEXTS) {
    const address = topics.eventsTopic(context);
    const own = defs.filter((d) => d.context === context);
    channels[context] = {
      address,
      description: `Events of the ${context} context, keyed by streamId; kept forever (retention.ms=-1). Poison messages go to ${topics.dlqTopic(address)}.`,
      messages: Object.fromEntries(own.map((d) => [d.type, { $ref: `#/components/messages/${d.type}` }])),
    };
    operations[`publish-${context}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${context}` },
      messages: own.map((d) => ({ $ref: `#/channels/${context}/messages/${d.type}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Yangtze River Delta joint enforcement — event catalogue',
      version: '1.0.0',
      description:
        'Every event travels in one envelope; `hash` = SHA-256 of the RFC 8785 canonical JSON of all other fields, `prevHash` links the stream into a hash chain.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
