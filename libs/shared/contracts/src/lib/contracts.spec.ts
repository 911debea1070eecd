import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { asyncApiDocument } from './asyncapi';
import { eventCatalog } from './catalog';
import { defineEvent, EventCatalog } from './event-catalog';
import { streamKind } from './envelope';
import { TopicRegistry } from './topics';

describe('TopicRegistry', () => {
  it('names each context topic and its DLQ under the namespace, keeping events forever', () => {
    const topics = new TopicRegistry('yrd');
    expect(topics.eventsTopic('referral')).toBe('yrd.referral.events');
    const specs = topics.all(['referral']);
    expect(specs).toEqual([
      { name: 'yrd.referral.events', context: 'referral', retentionMs: -1, dlq: false },
      { name: 'yrd.referral.events.dlq', context: null, retentionMs: 30 * 24 * 3600 * 1000, dlq: true },
    ]);
  });

  it('refuses a namespace Kafka would not accept', () => {
    expect(() => new TopicRegistry('Bad Name!')).toThrow('Invalid topic namespace');
  });
});

describe('EventCatalog', () => {
  const catalog = new EventCatalog([
    defineEvent({ type: 'thing.done', context: 'diagnostics', schemaVersion: 2, summary: 'x', payload: z.object({ n: z.number() }) }),
  ]);

  it('validates payloads against the declared schema and version', () => {
    expect(catalog.checkPayload('thing.done', 2, { n: 1 })).toEqual({ ok: true, payload: { n: 1 } });
    expect(catalog.checkPayload('thing.done', 1, { n: 1 })).toMatchObject({ ok: false, error: expect.stringContaining('schemaVersion 1') });
    expect(catalog.checkPayload('thing.done', 2, { n: 'one' })).toMatchObject({ ok: false, error: expect.stringContaining('n') });
    expect(catalog.checkPayload('other', 1, {})).toMatchObject({ ok: false, error: 'unknown event type "other"' });
  });

  it('refuses a type declared twice', () => {
    expect(() => catalog.add(catalog.require('thing.done'))).toThrow('declared twice');
  });
});

describe('streamKind', () => {
  it('is the part of the stream id before the first dash', () => {
    expect(streamKind('referral-01J9ABC')).toBe('referral');
  });
});

describe('AsyncAPI document', () => {
  it('lists every event of the catalogue on its context channel', () => {
    const doc = asyncApiDocument(eventCatalog) as { channels: Record<string, { address: string; messages: Record<string, unknown> }> };
    for (const def of eventCatalog.definitions()) {
      expect(doc.channels[def.context].messages[def.type]).toBeDefined();
    }
    expect(doc.channels['referral'].address).toBe('yrd.referral.events');
  });

  it('is what docs/asyncapi.json holds (regenerate with `npm run docs:asyncapi`)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../../../docs/asyncapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(asyncApiDocument(eventCatalog))));
  });
});
