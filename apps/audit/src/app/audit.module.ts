import { Module } from '@nestjs/common';
import { AuthModule } from '@yrd/auth';
import { AuditRunsModule } from './runs/audit-runs.module';
import { CasesController } from './cases/cases.controller';
import { IntegrityAlertsProvider } from './integrity/integrity-alerts.provider';
import { ReplaysController } from './replays/replays.controller';

/** Read-only endpoints for auditors (and starting a replay, which writes only its report). */
@Module({
  imports: [AuthModule.forRoot(), AuditRunsModule],
  controllers: [ReplaysController, CasesController],
  providers: [IntegrityAlertsProvider],
})
export class AuditModule {}
