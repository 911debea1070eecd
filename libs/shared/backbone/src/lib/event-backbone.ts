import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { consumerGroupPrefix, TopicRegistry, type Actor, type BoundedContext } from '@yrd/contracts';
import { Keyring, type DomainEvent, type EventMetadata, type EventSigner, type PublishedKey } from '@yrd/event-log';
import { AggregateRepository, CommitStore, EventKeyStore, OutboxRelay, type AggregateDefinition, type AggregateRepositoryOptions } from '@yrd/event-store';
import { EventConsumer, EventPublisher, ProcessedEvents, provisionTopics, topicSettingsFromEnv, type EventHandler, type RetryPolicy } from '@yrd/messaging';
import { CorrelationContext, KAFKA } from '@yrd/platform';
import { BACKBONE_OPTIONS, type BackboneOptions } from './backbone.options';
import { loadSigningKey, type ServiceSigningKey } from './signing-key';

export interface ConsumerRegistration {
  /** Unique within the service: the consumer group is `<service>.<name>`. */
  name: string;
  contexts: readonly BoundedContext[];
  handler: EventHandler;
  retry?: Partial<RetryPolicy>;
}

/**
 * One service's connection to the event backbone: its topics, its commit store and relay, its
 * signing key and the published keyring, its publisher and its consumers, started and stopped
 * with the application (consumers leave their groups first, then the relay drains, then the
 * producer flushes).
 */
@Injectable()
export class EventBackbone implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(EventBackbone.name);
  readonly topics = new TopicRegistry(process.env['KAFKA_TOPIC_NAMESPACE'] || 'yrd');
  readonly publisher: EventPublisher;
  readonly store: CommitStore;
  readonly relay: OutboxRelay;
  /** Signs every event this service appends. */
  readonly signer: EventSigner;
  /** The public keys of every service, as published; consumers verify against it. */
  readonly keyring = new Keyring();
  readonly keyStore: EventKeyStore;
  private readonly signingKey: ServiceSigningKey;
  private readonly consumers: EventConsumer[] = [];
  private readonly registrations: ConsumerRegistration[] = [];
  /** Contexts a feature of this service reads or writes beyond the service's own (see requireTopics). */
  private readonly requiredContexts = new Set<BoundedContext>();

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @InjectConnection() private readonly connection: Connection,
    @Inject(BACKBONE_OPTIONS) private readonly options: BackboneOptions,
  ) {
    this.signingKey = loadSigningKey(options.service);
    this.signer = this.signingKey.signer;
    this.keyStore = new EventKeyStore(connection);
    this.publisher = new EventPublisher(kafka, options.catalog, this.topics);
    this.store = new CommitStore(connection, `commits_${options.service.replace(/[^a-z0-9]/gi, '_')}`);
    this.relay = new OutboxRelay(this.store, this.publisher, {
      onError: (e) => this.log.warn(`outbox relay: ${(e as Error).message}; the sweep will publish again`),
    });
  }

  get service(): string {
    return this.options.service;
  }

  async onModuleInit(): Promise<void> {
    // Published before anything is signed with it, so no consumer meets an unknown key.
    await this.keyStore.publish(this.signingKey.published);
    this.keyring.add(await this.keyStore.load());
    const contexts = [...new Set([...this.options.contexts, ...this.requiredContexts])];
    const created = await provisionTopics(this.kafka, this.topics.all(contexts), topicSettingsFromEnv());
    if (created.length > 0) this.log.log(`created topics ${created.join(', ')}`);
    await this.publisher.connect();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    for (const r of this.registrations) await this.startConsumer(r);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.consumers.map((c) => c.stop()));
    await this.relay.stop();
    await this.publisher.close();
  }

  /** A repository for an aggregate whose events this service writes. */
  repository<S, E extends DomainEvent>(aggregate: AggregateDefinition<S, E>, options?: AggregateRepositoryOptions): AggregateRepository<S, E> {
    return new AggregateRepository(this.store, this.relay, aggregate, this.signer, options);
  }

  /**
   * Topics a feature needs whatever contexts the app gave its BackboneModule (call from a provider's
   * constructor): they are provisioned with the service's own, in one round, before any consumer,
   * relay or topic tail starts.
   */
  requireTopics(contexts: readonly BoundedContext[]): void {
    for (const c of contexts) this.requiredContexts.add(c);
  }

  /** Registers a consumer; it starts with the application (call from a provider's constructor or onModuleInit). */
  consume(registration: ConsumerRegistration): void {
    this.registrations.push(registration);
  }

  /** Event metadata for a command: who, and the correlation id of the request or event being handled. */
  metadata(actor: Actor, causationId: string | null = null, now = new Date()): EventMetadata {
    return { actor, correlationId: CorrelationContext.currentOrNew(), causationId, now };
  }

  /**
   * The consumer group `name` of this service: `<service>.<name>`, and outside the production
   * namespace `<namespace>.<service>.<name>` (a test run's consumers must never join, and steal
   * partitions from, a running system's groups). The broker lets the service use only these.
   */
  groupId(name: string): string {
    return `${consumerGroupPrefix(this.topics.namespace, this.options.service)}${name}`;
  }

  /** The published keyring as it is now in the shared store (GET /event-keys). */
  async publishedKeys(): Promise<PublishedKey[]> {
    return new Keyring(await this.keyStore.load()).list();
  }

  /** Resolves when every registered consumer has joined its group (tests, readiness). */
  async whenConsuming(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.whenJoined()));
  }

  private async startConsumer(r: ConsumerRegistration): Promise<void> {
    const groupId = this.groupId(r.name);
    const consumer = new EventConsumer({
      kafka: this.kafka,
      groupId,
      topics: r.contexts.map((c) => this.topics.eventsTopic(c)),
      catalog: this.options.catalog,
      processed: new ProcessedEvents(this.connection, groupId),
      keyring: this.keyring,
      loadKeyring: () => this.keyStore.load(),
      dlq: this.publisher,
      dlqTopic: (t) => this.topics.dlqTopic(t),
      handler: r.handler,
      retry: r.retry,
      around: (event, run) => CorrelationContext.run(event.correlationId, run),
      log: (level, message, fields) => this.log[level === 'info' ? 'log' : level](`${message} ${JSON.stringify(fields ?? {})}`),
    });
    this.consumers.push(consumer);
    await consumer.start();
  }
}
