import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export class NotarizeCheckpointDto {
  @ApiProperty({ description: 'SHA-256 root over the range of events (hex)' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'rootHash must be a lower-case hex SHA-256' })
  rootHash!: string;

  @ApiProperty({ example: 'audit' }) @IsString() @MaxLength(100) source!: string;
  @ApiProperty({ example: 'yrd.referral.events' }) @IsString() @MaxLength(200) scope!: string;
  @ApiProperty({ example: '0' }) @IsString() @MaxLength(200) fromPosition!: string;
  @ApiProperty({ example: '1000' }) @IsString() @MaxLength(200) toPosition!: string;
  @ApiProperty() @IsInt() @Min(0) eventCount!: number;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) createdAt?: string;
}
