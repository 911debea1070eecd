import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class InboxQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'Only unread entries' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Page: entries created before this instant (the last createdAt of the previous page)' })
  @IsOptional()
  @IsISO8601()
  before?: string;
}

export class LocalisedText {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class InboxEntryView {
  @ApiProperty({ description: 'The delivery id' }) id!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ type: LocalisedText }) subject!: LocalisedText;
  @ApiProperty({ type: LocalisedText }) body!: LocalisedText;
  @ApiProperty({ type: [String], description: 'Why you got it: target-bureaus, originating-bureau, …' }) reasons!: string[];
  @ApiProperty({ description: 'Addressed to you personally (else to your bureau)' }) personal!: boolean;
  @ApiProperty() read!: boolean;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class InboxPage {
  @ApiProperty({ type: [InboxEntryView] }) entries!: InboxEntryView[];
  @ApiProperty({ description: 'Unread entries in all' }) unread!: number;
}
