import { Controller, NotFoundException, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, Roles } from '@yrd/auth';
import { AuditRuns } from '../runs/audit-runs.service';

const CASE_ID = /^[A-Za-z0-9_.-]{1,100}$/;

/** A case's full history as the log holds it, each event with its verification status. */
@ApiTags('cases')
@ApiAuth()
@Roles('auditor', 'admin')
@Controller('audit/cases')
export class CasesController {
  constructor(private readonly runs: AuditRuns) {}

  @Get(':caseId/timeline')
  @ApiOperation({
    summary: 'Timeline of a clue or referral: every event of its streams, verified (envelope, hash chain, versions, signatures) and compared with the commit store and the read model',
  })
  timeline(@Param('caseId') caseId: string) {
    if (!CASE_ID.test(caseId)) throw new NotFoundException('no such case: case ids are 1-100 letters, digits, "_", "." or "-"');
    return this.runs.timeline(caseId);
  }
}
