import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Public, Roles, type Principal } from '@yrd/auth';
import { EvidenceCustodyUseCases, LogProofsUseCase, NotarizeCheckpointUseCase, TIME_STAMP_AUTHORITY, TreeHeadService } from '@yrd/notary-feature';
import type { TimeStampAuthority } from '@yrd/tsa';
import { Inject } from '@nestjs/common';
import { actorOf } from '../actor';
import { ApiEntryIdParam } from '../evidence/entry-id.param';
import { NotarizeCheckpointDto } from './checkpoint.dto';
import { Idempotent } from '@yrd/platform';

/** The Merkle log itself: tree heads, consistency proofs, trust anchors, audit checkpoints. */
@ApiTags('notary')
@ApiAuth()
@Controller('notary')
export class NotaryLogController {
  constructor(
    private readonly treeHeads: TreeHeadService,
    private readonly proofs: LogProofsUseCase,
    private readonly checkpoints: NotarizeCheckpointUseCase,
    private readonly custody: EvidenceCustodyUseCases,
    @Inject(TIME_STAMP_AUTHORITY) private readonly tsa: TimeStampAuthority,
  ) {}

  @Get('keys')
  @Public()
  @ApiOperation({ summary: 'Trust anchors: the Ed25519 tree-head key (with key id) and the TSA certificates' })
  keys() {
    return { treeHeadKeyId: this.treeHeads.keyId, treeHeadPublicKeyPem: this.treeHeads.publicKeyPem, tsaCertificatePem: this.tsa.tsaCertificatePem(), caCertificatePem: this.tsa.caCertificatePem() };
  }

  @Get('tree-head')
  @ApiOperation({ summary: 'The latest signed tree head covering the whole log (signed on demand if the log grew)' })
  treeHead() {
    return this.treeHeads.covering();
  }

  // Signing appends to the log: an administrator's act. Auditors read and verify heads, they sign none.
  @Post('tree-head')
  @Roles('admin')
  @ApiOperation({ summary: 'Sign a tree head now (admin)' })
  signTreeHead() {
    return this.treeHeads.sign('on-demand');
  }

  @Get('proofs/consistency')
  // What the use case parses: up to 15 decimal digits.
  @ApiQuery({ name: 'first', required: true, schema: { type: 'integer', minimum: 0, maximum: 999999999999999 } })
  @ApiQuery({ name: 'second', required: false, schema: { type: 'integer', minimum: 0, maximum: 999999999999999 } })
  @ApiOperation({ summary: 'Consistency proof (RFC 6962) between tree sizes first ≤ second (default: current size)' })
  consistency(@Query('first') first: string, @Query('second') second?: string) {
    return this.proofs.consistency(first, second);
  }

  // Appends an entry to the log: the audit service's own admin identity does it, never an auditor
  // (auditors read, verify and start replays; they change no log).
  @Post('checkpoints')
  @Idempotent()
  @Roles('admin')
  @ApiOperation({ summary: 'Notarize an event-log checkpoint (a root over a range of events) like any entry; answers with its receipt (admin)' })
  checkpoint(@CurrentPrincipal() me: Principal, @Body() dto: NotarizeCheckpointDto) {
    return this.checkpoints.execute({ actor: actorOf(me), ...dto });
  }

  @Get('checkpoints/:id/receipt')
  @ApiEntryIdParam()
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'The receipt of a checkpoint' })
  checkpointReceipt(@CurrentPrincipal() me: Principal, @Param('id') id: string) {
    return this.custody.receipt(id, actorOf(me));
  }
}
