import { BadRequestException, Body, ConflictException, Controller, Get, Header, HttpCode, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowAuditorWrite, ApiAuth, CurrentPrincipal, Roles, type Principal } from '@yrd/auth';
import { AuditRuns, type RunStatus } from '../runs/audit-runs.service';
import { ReplayRunDto, StartReplayDto } from './replay.dto';
import { Idempotent } from '@yrd/platform';

const RUN_ID = /^[0-9a-f-]{36}$/;

const withLink = (run: RunStatus): ReplayRunDto => ({ ...run, ...(run.status === 'done' && { report: `/audit/replays/${run.runId}/report` }) });

/** Replays of the event log: start one, follow it, read its report. Auditors and administrators. */
@ApiTags('replays')
@ApiAuth()
@Roles('auditor', 'admin')
@Controller('audit/replays')
export class ReplaysController {
  constructor(private readonly runs: AuditRuns) {}

  @Post()
  @Idempotent()
  @HttpCode(202)
  @AllowAuditorWrite()
  @ApiOperation({ summary: 'Start a replay (one at a time); it reads the log up to the high watermarks of now' })
  @ApiAcceptedResponse({ type: ReplayRunDto })
  @ApiConflictResponse({ description: 'A replay is already running (its run id is in the message)' })
  start(@CurrentPrincipal() me: Principal, @Body() body: StartReplayDto): ReplayRunDto {
    const { rebuild = true, ...filter } = body;
    const started = this.runs.start({ filter, rebuild }, me.sub);
    if (!started.ok) throw new ConflictException(`replay ${started.running.runId} is running; wait for it to finish`);
    return withLink(started.run);
  }

  @Get(':runId')
  @ApiOperation({ summary: 'A replay’s progress and, when done, its verdict' })
  @ApiOkResponse({ type: ReplayRunDto })
  async status(@Param('runId') runId: string): Promise<ReplayRunDto> {
    const run = await this.runs.status(checkRunId(runId));
    if (!run) throw new NotFoundException(`no replay ${runId}`);
    return withLink(run);
  }

  @Get(':runId/report')
  @ApiOperation({ summary: 'The replay report, JSON (default) or HTML' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'html'] })
  @ApiProduces('application/json', 'text/html')
  @Header('cache-control', 'no-store')
  async report(@Param('runId') runId: string, @Query('format') format: string | undefined, @Res() res: Response): Promise<void> {
    const f = format ?? 'json';
    if (f !== 'json' && f !== 'html') throw new BadRequestException('format must be json or html');
    const body = await this.runs.report(checkRunId(runId), f);
    if (body === null) throw new NotFoundException(`no report for replay ${runId} (unknown, or still running)`);
    res.type(f === 'json' ? 'application/json' : 'text/html').send(body);
  }
}

/** Run ids are UUIDs: any other string names no replay (404, as an unknown one). */
function checkRunId(runId: string): string {
  if (!RUN_ID.test(runId)) throw new NotFoundException(`no replay ${runId}: run ids are UUIDs`);
  return runId;
}
