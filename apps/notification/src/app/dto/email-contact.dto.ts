import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BUREAU_OR_AUTHORITY } from './webhook.dto';

export class AddEmailContactDto {
  @ApiProperty({ example: 'duty@jiashan-amr.example.cn' })
  @IsEmail({}, { message: 'address must be an email address' })
  @MaxLength(254)
  address!: string;

  @ApiPropertyOptional({ description: "An officer's own mailbox (mail addressed to that officer); omit for the bureau's shared mailbox", example: 'officer-jsh-1' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  userId?: string;

  @ApiPropertyOptional({ description: 'Admins only: the owning bureau (default the caller\'s)', example: '330421' })
  @IsOptional()
  @Matches(BUREAU_OR_AUTHORITY, { message: 'bureau must be a six-digit division code or an authority id' })
  bureau?: string;
}

export class EmailContactView {
  @ApiProperty() id!: string;
  @ApiProperty() bureau!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ nullable: true, type: String }) userId!: string | null;
  @ApiProperty() createdAt!: string;
}
