import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { NotFoundException, PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from '@yrd/referral-feature';

export const DIVISION_CODE = /^\d{6}$/;
export const DIVISION_CODE_MESSAGE = '$property must be a 6-digit administrative division code';

/** An id no stream could have names nothing: 404, naming the parameter. */
export class IdPipe implements PipeTransform<string, string> {
  constructor(private readonly name = 'id') {}
  transform(value: string): string {
    if (!ID_PATTERN.test(value)) throw new NotFoundException(`${this.name} must be 1-100 letters, digits, "_", "." or "-"`);
    return value;
  }
}

const toBool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Inbox listing: scoped to the caller's bureau; sorted by deadline; cursor pagination. */
export class InboxQueryDto {
  @ApiPropertyOptional({
    enum: ['incoming', 'outgoing', 'designation', 'all'],
    description: 'incoming: addressed to my bureau; outgoing: sent by it; designation: disputes my bureau must designate; all (default)',
  })
  @IsOptional()
  @IsIn(['incoming', 'outgoing', 'designation', 'all'])
  box?: 'incoming' | 'outgoing' | 'designation' | 'all';

  @ApiPropertyOptional({ description: 'Exact status, e.g. delivered, accepted' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  status?: string;

  @ApiPropertyOptional({ enum: ['normal', 'urgent'] })
  @IsOptional()
  @IsIn(['normal', 'urgent'])
  urgency?: 'normal' | 'urgent';

  @ApiPropertyOptional({ description: 'true: past the deadline and undecided (or escalated); false: the rest' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Auditors and admins: one bureau only. Others: their own bureau (any other is a 403).' })
  @IsOptional()
  @Matches(DIVISION_CODE, { message: DIVISION_CODE_MESSAGE })
  bureau?: string;
}

/** What a successful command answers; the inbox views follow within moments. */
export class CommandResultDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'referral-rf-01J…' }) streamId!: string;
  @ApiProperty({ description: 'Stream version after the command' }) version!: number;
  @ApiProperty({ description: 'The aggregate state after the command', type: Object }) state!: Record<string, unknown>;
  @ApiProperty({ description: 'Events appended (eventId, type, streamVersion, hash)', type: [Object] })
  events!: Array<Record<string, unknown>>;
}

/** Body of a refusal: `error` is the domain code, `rule` the legal provision when one applies. */
export class RefusalDto {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'RETRANSFER_FORBIDDEN' }) error!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: Object, description: '{ id, source, article?, text }' }) rule?: Record<string, unknown>;
}
