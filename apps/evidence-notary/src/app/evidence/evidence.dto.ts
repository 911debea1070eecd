import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ShareEvidenceDto {
  @ApiProperty({ description: 'Bureau (6-digit division code) to share with', example: '320509' })
  @Matches(/^\d{6}$/, { message: 'toBureau must be a 6-digit division code' })
  toBureau!: string;

  @ApiPropertyOptional({ maxLength: 2000, example: '协查需要' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class VerifyByHashDto {
  @ApiPropertyOptional({ description: 'SHA-256 of the file (hex), when the file itself is not sent' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'sha256 must be 64 hex digits' })
  sha256?: string;

  @ApiProperty({ description: 'The receipt as issued (object or JSON text)' })
  @IsDefined()
  receipt!: unknown;
}
