import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const DIVISION = /^\d{6}$/;
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
export const PERSON_ID = /^\d{17}[\dX]$/;

/** A party: an organisation (creditCode) or a person (personId); the domain checks the check characters. */
export class PartyDto {
  @ApiProperty({ example: '上海某某食品有限公司' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'Unified social credit code (18 characters)', example: '91310118MA1JL00010' })
  @IsOptional()
  @Matches(CREDIT_CODE, { message: 'creditCode must be an 18-character unified social credit code' })
  creditCode?: string;

  @ApiPropertyOptional({ description: 'Resident id (18 characters)', example: '110101199003074514' })
  @IsOptional()
  @Matches(PERSON_ID, { message: 'personId must be an 18-character resident id' })
  personId?: string;
}

export class ReasonDto {
  @ApiProperty({ example: '事实认定存疑，请补充证据' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
