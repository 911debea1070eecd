import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const STREAM_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[A-Za-z0-9_.:]+$/;
const EVENT_TYPE = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)+$/;

/** What to replay: the whole log, or a period, streams, a bureau, event types, a case. */
export class StartReplayDto {
  @ApiPropertyOptional({ description: 'ISO instant: read each partition from the first event at or after it', example: '2026-03-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ type: [String], description: 'Stream ids, e.g. referral-01J…' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(STREAM_ID, { each: true, message: 'each value in streams must look like <kind>-<id>' })
  streams?: string[];

  @ApiPropertyOptional({ description: 'A 6-digit division code: streams in which this bureau acted or is named' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'bureau must be a 6-digit administrative division code' })
  bureau?: string;

  @ApiPropertyOptional({ type: [String], description: 'Event types, e.g. referral.rejected' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(EVENT_TYPE, { each: true, message: 'each value in types must be a dotted lower-case event type' })
  types?: string[];

  @ApiPropertyOptional({ description: 'A clue or referral id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'caseId must be letters, digits, "_", "." or "-"' })
  caseId?: string;

  @ApiPropertyOptional({ description: 'Rebuild aggregates and diff them against the commit stores and read models (default true)' })
  @IsOptional()
  @IsBoolean()
  rebuild?: boolean;
}

export class ReplayProgressDto {
  @ApiProperty({ enum: ['planning', 'joining', 'reading', 'rebuilding', 'done'] }) phase!: string;
  @ApiProperty({ description: 'Messages read so far' }) read!: number;
  @ApiProperty({ description: 'Messages to read (up to the high watermarks captured at start)' }) total!: number;
}

export class ReplayRunDto {
  @ApiProperty() runId!: string;
  @ApiProperty({ enum: ['running', 'done', 'failed'] }) status!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() startedAt!: string;
  @ApiPropertyOptional() finishedAt?: string;
  @ApiProperty({ type: ReplayProgressDto }) progress!: ReplayProgressDto;
  @ApiPropertyOptional({ enum: ['clean', 'findings'] }) verdict?: string;
  @ApiPropertyOptional() findings?: number;
  @ApiPropertyOptional() error?: string;
  @ApiPropertyOptional({ description: 'Where to fetch the report once done' }) report?: string;
}
