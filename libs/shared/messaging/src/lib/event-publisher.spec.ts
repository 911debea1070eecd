import { Kafka, logLevel } from 'kafkajs';
import { eventCatalog, TopicRegistry } from '@yrd/contracts';
import { chainEvents, emptyHead, fixtureSigner } from '@yrd/event-log';
import { EventPublisher, UncataloguedEventError } from './event-publisher';

const meta = { actor: { userId: 'u-1', bureau: '310118', role: 'officer' as const }, correlationId: 'c-1', causationId: null, now: new Date('2026-03-02T08:00:00Z') };

describe('EventPublisher', () => {
  // No broker at this address: the refusal must come before any connection is attempted.
  const kafka = new Kafka({ clientId: 'publisher-spec', brokers: ['127.0.0.1:1'], logLevel: logLevel.NOTHING });

  it('refuses, loudly and before connecting, an event type the catalogue lacks', async () => {
    const publisher = new EventPublisher(kafka, eventCatalog, new TopicRegistry('spec'));
    const events = chainEvents(emptyHead('widget-1'), [{ type: 'backbone.probed', data: { seq: 0 } }, { type: 'widget.polished', data: {} }], meta, fixtureSigner('case-intake'));
    const attempt = publisher.publish(events);
    await expect(attempt).rejects.toBeInstanceOf(UncataloguedEventError);
    await expect(attempt).rejects.toThrow('widget.polished (widget-1 v2)');
  });
});
