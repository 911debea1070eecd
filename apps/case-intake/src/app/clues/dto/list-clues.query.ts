import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '@yrd/platform';
import { CLUE_VIEW_STATUSES, MAX_PAGE_SIZE, type ClueViewStatus } from '@yrd/intake-feature';

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class ListCluesQuery {
  @ApiPropertyOptional({ description: 'Bureau to list (auditors and admins only; others get their own bureau, another is a 403)', example: '310118' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'bureau must be a six-digit division code' })
  bureau?: string;

  @ApiPropertyOptional({ enum: CLUE_VIEW_STATUSES })
  @IsOptional()
  @IsIn(CLUE_VIEW_STATUSES)
  status?: ClueViewStatus;

  @ApiPropertyOptional({ enum: ['normal', 'urgent'] })
  @IsOptional()
  @IsIn(['normal', 'urgent'])
  urgency?: 'normal' | 'urgent';

  @ApiPropertyOptional({ description: 'true: referred to another bureau; false: kept here', type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  referred?: boolean;

  @ApiPropertyOptional({ description: 'true: still being checked and past the check deadline', type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Discovered on or after (YYYY-MM-DD)', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Discovered on or before (YYYY-MM-DD)', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Page size', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

/** Cases are clues with a case opened: the same filters except status. */
export class ListCasesQuery {
  @ApiPropertyOptional({ description: 'Bureau to list (auditors and admins only)', example: '310118' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'bureau must be a six-digit division code' })
  bureau?: string;

  @ApiPropertyOptional({ enum: ['normal', 'urgent'] })
  @IsOptional()
  @IsIn(['normal', 'urgent'])
  urgency?: 'normal' | 'urgent';

  @ApiPropertyOptional({ description: 'Discovered on or after (YYYY-MM-DD)', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Discovered on or before (YYYY-MM-DD)', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s nextCursor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Page size', minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}
