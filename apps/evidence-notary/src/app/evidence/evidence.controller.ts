import type { Request, Response } from 'express';
import { BadRequestException, Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Post, Query, Req, Res, StreamableFile, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowAuditorWrite, ApiAuth, CurrentPrincipal, Roles, type Principal } from '@yrd/auth';
import { ReadsOwnBody } from '@yrd/platform';
import {
  EvidenceCustodyUseCases,
  NOTARY_CONFIG,
  NotarizeEvidenceUseCase,
  VerifyEvidenceUseCase,
  discardUpload,
  readUpload,
  renderReceiptHtml,
  type NotaryConfig,
  type UploadRequest,
} from '@yrd/notary-feature';
import { Inject } from '@nestjs/common';
import { actorOf } from '../actor';
import { ShareEvidenceDto, VerifyByHashDto } from './evidence.dto';
import { ApiEntryIdParam } from './entry-id.param';
import { assertCleanUpload } from './upload-text';
import { Idempotent } from '@yrd/platform';

/**
 * Evidence (证据保全): upload → receipt; receipt (JSON / printable page), download, share,
 * inclusion proof — each read recorded in the entry's chain of custody; verification.
 */
@ApiTags('evidence')
@ApiAuth()
@Controller('evidence')
export class EvidenceController {
  constructor(
    private readonly notarize: NotarizeEvidenceUseCase,
    private readonly custody: EvidenceCustodyUseCases,
    private readonly verifier: VerifyEvidenceUseCase,
    @Inject(NOTARY_CONFIG) private readonly config: NotaryConfig,
  ) {}

  @Post()
  @Idempotent({ headers: ['X-Evidence-Metadata'] })
  @Roles('officer', 'bureau', 'admin')
  @ApiOperation({
    summary: 'Notarize a file, streamed: multipart (fields `metadata` JSON [, `sm3`] before the `file` part) or a raw body (Content-Type = media type, metadata JSON in X-Evidence-Metadata)',
  })
  @ApiConsumes('multipart/form-data', 'application/octet-stream')
  @ReadsOwnBody()
  async upload(@CurrentPrincipal() me: Principal, @Req() req: Request) {
    if ((req as { _body?: boolean })._body) throw new UnsupportedMediaTypeException('send JSON or form files as multipart/form-data or application/octet-stream');
    let upload: UploadRequest | undefined;
    try {
      upload = await readUpload(req, this.config.NOTARY_MAX_UPLOAD_BYTES);
      assertCleanUpload(upload);
      return await this.notarize.execute({
        actor: actorOf(me),
        metadata: upload.fields['metadata'],
        declaredMediaType: upload.mediaType,
        fileName: upload.fileName,
        sm3: upload.fields['sm3'] === 'true',
        file: upload.file,
      });
    } catch (e) {
      discardUpload(req, upload?.file);
      throw e;
    }
  }

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  // Verifying changes nothing: auditors (read-only otherwise) verify receipts too.
  @AllowAuditorWrite()
  @ApiOperation({ summary: 'Verify a file (multipart: `receipt` field, then `file`) or a hash (JSON { sha256, receipt }) against a receipt' })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ type: VerifyByHashDto })
  @ReadsOwnBody()
  async verify(@CurrentPrincipal() me: Principal, @Req() req: Request, @Body() body: Record<string, unknown> | undefined) {
    // A plain object (not the DTO): multipart requests have no parsed body; the use case validates.
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      return this.verifier.execute({ actor: actorOf(me), receipt: body?.['receipt'], sha256: typeof body?.['sha256'] === 'string' ? body['sha256'] : undefined });
    }
    let upload: UploadRequest | undefined;
    try {
      upload = await readUpload(req, this.config.NOTARY_MAX_UPLOAD_BYTES);
      assertCleanUpload(upload);
      return await this.verifier.execute({ actor: actorOf(me), receipt: upload.fields['receipt'], file: upload.file });
    } catch (e) {
      discardUpload(req, upload?.file);
      throw e;
    }
  }

  @Get()
  @ApiQuery({ name: 'clueId', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,100}$' } })
  @ApiOperation({ summary: "A clue's evidence that the caller may read (own bureau's or shared with it), each listing recorded as an access" })
  forClue(@CurrentPrincipal() me: Principal, @Query('clueId') clueId?: string) {
    if (!clueId) throw new BadRequestException('clueId is required');
    return this.custody.forClue(clueId, actorOf(me));
  }

  @Get(':id/receipt')
  @ApiEntryIdParam()
  @ApiOperation({ summary: 'The receipt (电子保全证书) as JSON (recorded as an access)' })
  receipt(@CurrentPrincipal() me: Principal, @Param('id') id: string) {
    return this.custody.receipt(id, actorOf(me));
  }

  @Get(':id/receipt.html')
  @ApiEntryIdParam()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The receipt as a printable page (recorded as an access)' })
  async receiptPage(@CurrentPrincipal() me: Principal, @Param('id') id: string): Promise<string> {
    return renderReceiptHtml(await this.custody.receipt(id, actorOf(me)));
  }

  @Get(':id/content')
  @ApiEntryIdParam()
  @ApiOperation({ summary: 'Download the file (recorded as a download)' })
  async download(@CurrentPrincipal() me: Principal, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.custody.download(id, actorOf(me));
    res.setHeader('X-Content-SHA256', file.sha256);
    return new StreamableFile(file.stream, {
      type: file.mediaType,
      length: file.size,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName ?? `${id}.bin`)}`,
    });
  }

  @Post(':id/shares')
  @ApiEntryIdParam()
  @Roles('officer', 'bureau', 'admin')
  @ApiOperation({ summary: 'Share the evidence with another bureau (owning bureau only)' })
  share(@CurrentPrincipal() me: Principal, @Param('id') id: string, @Body() dto: ShareEvidenceDto) {
    return this.custody.share(id, actorOf(me), dto.toBureau, dto.reason);
  }

  @Get(':id/proof')
  @ApiEntryIdParam()
  @ApiQuery({ name: 'treeSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 999999999999999 } })
  @ApiOperation({ summary: 'Inclusion proof of the entry (RFC 6962) under the latest signed tree head, or ?treeSize=' })
  proof(@CurrentPrincipal() me: Principal, @Param('id') id: string, @Query('treeSize') treeSize?: string) {
    return this.custody.inclusionProof(id, actorOf(me), treeSize === undefined ? undefined : /^\d+$/.test(treeSize) ? Number(treeSize) : NaN);
  }
}
