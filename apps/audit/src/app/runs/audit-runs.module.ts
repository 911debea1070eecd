import { Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { eventCatalog, TopicRegistry } from '@yrd/contracts';
import { KAFKA } from '@yrd/platform';
import {
  AuditReplay,
  Checkpointer,
  CheckpointStore,
  checkpointNotaryFrom,
  KafkaLogReader,
  parseAuditEnv,
  ReportFiles,
  trustedNotaryKeys,
  type AuditEnv,
} from '@yrd/audit-feature';
import { AuditRuns } from './audit-runs.service';
import { AUDIT_CHECKPOINTER, AUDIT_NOTARY, AUDIT_REPLAY, REPORT_FILES, type MaybeNotary } from './audit.tokens';
import { CHECKPOINT_POLL_MS, CheckpointScheduler } from './checkpoint-scheduler';

const AUDIT_ENV = Symbol('AUDIT_ENV');

/** Wires the audit feature into the service: replays, their runs and reports, the checkpoint timer (AUDIT_* variables). */
@Module({
  providers: [
    { provide: AUDIT_ENV, useFactory: (): AuditEnv => parseAuditEnv() },
    { provide: AUDIT_NOTARY, inject: [AUDIT_ENV], useFactory: (env: AuditEnv): MaybeNotary => checkpointNotaryFrom(env) },
    {
      provide: AUDIT_REPLAY,
      inject: [KAFKA, getConnectionToken(), AUDIT_ENV, AUDIT_NOTARY],
      useFactory: (kafka: Kafka, connection: Connection, env: AuditEnv, notary: MaybeNotary) =>
        new AuditReplay({
          kafka,
          connection,
          topics: new TopicRegistry(process.env['KAFKA_TOPIC_NAMESPACE'] || 'yrd'),
          catalog: eventCatalog,
          checkpoints: new CheckpointStore(connection),
          trustedNotaryKeys: trustedNotaryKeys(env, notary),
        }),
    },
    {
      provide: AUDIT_CHECKPOINTER,
      inject: [KAFKA, getConnectionToken(), AUDIT_ENV, AUDIT_NOTARY],
      useFactory: (kafka: Kafka, connection: Connection, env: AuditEnv, notary: MaybeNotary) =>
        notary
          ? new Checkpointer(new KafkaLogReader(kafka), new CheckpointStore(connection), notary, {
              everyEvents: env.AUDIT_CHECKPOINT_EVERY_EVENTS,
              intervalMs: env.AUDIT_CHECKPOINT_INTERVAL_MS,
            })
          : null,
    },
    { provide: CHECKPOINT_POLL_MS, inject: [AUDIT_ENV], useFactory: (env: AuditEnv) => env.AUDIT_CHECKPOINT_POLL_MS },
    { provide: REPORT_FILES, inject: [AUDIT_ENV], useFactory: (env: AuditEnv) => new ReportFiles(env.AUDIT_REPORT_DIR) },
    AuditRuns,
    CheckpointScheduler,
  ],
  exports: [AuditRuns, CheckpointScheduler],
})
export class AuditRunsModule {}
