import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { AUDIT_ACTOR, IntegrityAlerts, integrityAlertAggregate } from '@yrd/audit-feature';
import { EventBackbone } from '@yrd/backbone';
import { KAFKA } from '@yrd/platform';
import { SERVICE_NAME } from '../service';

/** Every province-level bureau of the Delta: where the auditors sit unless AUDIT_ALERT_BUREAUS says otherwise. */
const DELTA_PROVINCES = '310000,320000,330000,340000';

/** Starts the DLQ reader that raises integrity alerts for the auditors, with the application. */
@Injectable()
export class IntegrityAlertsProvider implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('IntegrityAlerts');
  readonly alerts: IntegrityAlerts;

  constructor(@Inject(KAFKA) kafka: Kafka, backbone: EventBackbone) {
    const base = `${SERVICE_NAME}.integrity-alerts`;
    this.alerts = new IntegrityAlerts({
      kafka,
      topics: backbone.topics,
      repository: backbone.repository(integrityAlertAggregate),
      auditors: (process.env['AUDIT_ALERT_BUREAUS'] || DELTA_PROVINCES).split(',').map((b) => b.trim()).filter(Boolean),
      groupId: backbone.topics.namespace === 'yrd' ? base : `${backbone.topics.namespace}.${base}`,
      metadata: (now) => backbone.metadata(AUDIT_ACTOR, null, now),
      onAlert: (streamId) => this.log.warn(`integrity alert raised: ${streamId}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.alerts.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.alerts.stop();
  }
}
