import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, Nested } from '@yrd/platform';

const DIVISION = /^\d{6}$/;
const KINDS = ['typical-case', 'problem', 'risk-alert'] as const;

export class AudienceDto {
  @ApiProperty({ enum: ['delta', 'regions', 'public'], description: 'every Delta bureau; the bureaus of some provinces; or every bureau and the public feed' })
  @IsIn(['delta', 'regions', 'public'])
  kind!: 'delta' | 'regions' | 'public';

  @ApiPropertyOptional({ type: [String], example: ['320000', '330000'], description: 'kind regions: province codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @Matches(DIVISION, { each: true, message: 'each region must be a 6-digit division code' })
  regions?: string[];
}

export class BulletinPersonDto {
  @ApiProperty({ example: '张三', description: 'a natural person among the parties: masked on the public copy' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: '330421198001011234' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-z]{6,30}$/, { message: 'idNumber must be 6-30 letters and digits' })
  idNumber?: string;
}

export class AttachmentDto {
  @ApiProperty({ description: 'the evidence id at the notary (verifiable there)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  evidenceId!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @ApiProperty({ description: 'SHA-256 of the file, as the notary recorded it' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256!: string;
}

export class BulletinContentDto {
  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind!: (typeof KINDS)[number];

  @ApiProperty({ example: '长三角市场监管部门联合通报典型违法广告案例' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body!: string;

  @ApiProperty({ example: 'advertising' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  category!: string;

  @ApiProperty({ example: 'e-commerce' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  industry!: string;

  @ApiProperty({ type: [String], description: 'penalty decision ids (a typical-case bulletin needs at least one)' })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[A-Za-z0-9_.:]{1,100}$/, { each: true, message: 'each related decision must be a decision id' })
  relatedDecisions!: string[];

  @ApiProperty({ type: [AttachmentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @Nested(() => AttachmentDto, { each: true })
  attachments!: AttachmentDto[];

  @ApiProperty({ type: AudienceDto })
  @Nested(() => AudienceDto)
  audience!: AudienceDto;

  @ApiProperty({ type: [BulletinPersonDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @Nested(() => BulletinPersonDto, { each: true })
  persons!: BulletinPersonDto[];
}

export class ProposeBulletinDto {
  @ApiProperty({ type: [String], example: ['320000', '330000'], description: 'the co-issuing regions; each must co-sign before publication' })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(DIVISION, { each: true, message: 'each co-issuer must be a 6-digit division code' })
  coIssuers!: string[];

  @ApiProperty({ type: BulletinContentDto })
  @Nested(() => BulletinContentDto)
  content!: BulletinContentDto;
}

export class BulletinReasonDto {
  @ApiProperty({ example: '案情表述需与处罚决定书核对一致' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class CorrectBulletinDto extends BulletinReasonDto {
  @ApiProperty({ type: BulletinContentDto })
  @Nested(() => BulletinContentDto)
  content!: BulletinContentDto;
}

/** How many entries a list or feed answers (default 50). */
export class FeedQueryDto {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class SearchBulletinsDto extends FeedQueryDto {
  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  kind?: (typeof KINDS)[number];

  @ApiPropertyOptional({ enum: ['awaiting-signatures', 'refused', 'published', 'withdrawn'] })
  @IsOptional()
  @IsIn(['awaiting-signatures', 'refused', 'published', 'withdrawn'])
  status?: 'awaiting-signatures' | 'refused' | 'published' | 'withdrawn';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string;

  @ApiPropertyOptional({ description: 'province code: bulletins issued or co-issued by a bureau of it', example: '330000' })
  @IsOptional()
  @Matches(DIVISION, { message: 'region must be a 6-digit division code' })
  region?: string;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

}
