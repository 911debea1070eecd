import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const BUREAU_OR_AUTHORITY = /^\d{6}$|^[A-Z][A-Z0-9-]{1,31}$/;

export class RegisterWebhookDto {
  @ApiProperty({ description: 'Where deliveries are POSTed; https in production', example: 'https://case.jiashan.example.cn/hooks/yrd' })
  @IsString()
  @MaxLength(2048)
  url!: string;

  @ApiPropertyOptional({ example: '嘉善县案件管理系统' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional({ description: 'Admins only: the bureau (or authority id) that owns the endpoint; default the caller\'s', example: '330421' })
  @IsOptional()
  @Matches(BUREAU_OR_AUTHORITY, { message: 'bureau must be a six-digit division code or an authority id' })
  bureau?: string;
}

export class RotateSecretDto {
  @ApiPropertyOptional({ description: 'How long the previous secret(s) keep signing, in hours (default NOTIFY_SECRET_OVERLAP_HOURS; 0 = stop now)', example: 24 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(24 * 90)
  overlapHours?: number;
}

export class BureauQuery {
  @ApiPropertyOptional({ description: 'Admins: the bureau to list (default all). Others: their own only.', example: '330421' })
  @IsOptional()
  @Matches(BUREAU_OR_AUTHORITY, { message: 'bureau must be a six-digit division code or an authority id' })
  bureau?: string;
}

export class WebhookSecretView {
  @ApiProperty() id!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt!: string | null;
  @ApiProperty() active!: boolean;
}

export class WebhookEndpointView {
  @ApiProperty({ example: 'whe_3f2a…' }) id!: string;
  @ApiProperty() bureau!: string;
  @ApiProperty() url!: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [WebhookSecretView] }) secrets!: WebhookSecretView[];
  @ApiProperty() createdAt!: string;
}

export class WebhookEndpointWithSecret extends WebhookEndpointView {
  @ApiProperty({ description: 'The new signing secret: shown once, store it now', example: 'whsec_…' })
  secret!: string;
}
