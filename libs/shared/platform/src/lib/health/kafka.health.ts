import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  HealthIndicatorService,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { Kafka, logLevel, type Admin, type KafkaConfig } from 'kafkajs';
import { KAFKA_CONFIG } from '../connections/tokens';
import { errorMessage, withTimeout } from './with-timeout';

/**
 * `describeCluster()` through one admin client that is connected on first use and kept; a
 * failed check drops the connection so the next one starts clean.
 *
 * The admin has its own kafkajs client with the shared settings but no retries: kafkajs retries
 * `connect()` with the *client's* retry policy (about a minute with the shared one), which would
 * outlive the check and hold up shutdown. Its own logging is off; failures are in the health
 * response and terminus logs them.
 */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private readonly admin: Admin;
  private connected = false;
  private connecting?: Promise<void>;
  private resetting?: Promise<void>;
  private closed = false;

  constructor(
    @Inject(KAFKA_CONFIG) config: KafkaConfig,
    private readonly indicators: HealthIndicatorService,
  ) {
    const client = new Kafka({
      ...config,
      clientId: `${config.clientId ?? 'yrd'}-health`,
      connectionTimeout: 2_000,
      requestTimeout: 3_000,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    this.admin = client.admin({ retry: { retries: 0 } });
    this.admin.on(this.admin.events.DISCONNECT, () => {
      this.connected = false;
    });
  }

  async pingCheck<K extends string>(
    key: K,
    timeoutMs = 3_000,
  ): Promise<HealthIndicatorResult<K>> {
    const indicator = this.indicators.check(key);
    if (this.closed) return indicator.down({ message: 'shutting down' });
    try {
      const cluster = await withTimeout(
        this.ensureConnected().then(() => this.admin.describeCluster()),
        timeoutMs,
        'Kafka describeCluster',
      );
      return indicator.up({
        brokers: cluster.brokers.length,
        controller: cluster.controller,
      });
    } catch (err) {
      this.resetting ??= this.reset().finally(() => {
        this.resetting = undefined;
      });
      return indicator.down({ message: errorMessage(err) });
    }
  }

  private async ensureConnected(): Promise<void> {
    if (this.resetting) await this.resetting;
    if (this.connected) return;
    this.connecting ??= this.admin
      .connect()
      .then(() => {
        this.connected = true;
      })
      .finally(() => {
        this.connecting = undefined;
      });
    return this.connecting;
  }

  private async reset(): Promise<void> {
    // Let an in-flight connect settle (bounded by connectionTimeout) so its socket is not left behind.
    if (this.connecting)
      await withTimeout(this.connecting, 3_000, 'Kafka connect').catch(
        () => undefined,
      );
    await this.admin.disconnect().catch(() => undefined);
    this.connected = false;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.resetting;
    await this.reset();
  }
}
