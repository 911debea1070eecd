import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CHANNELS, type Channel } from '@yrd/notification-domain';

export class FailedQuery {
  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class PreviewDto {
  @ApiProperty({ example: 'referral.created' })
  @IsString()
  @MaxLength(100)
  type!: string;

  @ApiProperty({ description: 'The event payload, validated against the catalogue', type: Object })
  @IsObject()
  payload!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Preview against the case file of this stream (e.g. referral-rf-…)' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[A-Za-z0-9_.:]+$/, { message: 'streamId must look like <kind>-<id>' })
  streamId?: string;
}
