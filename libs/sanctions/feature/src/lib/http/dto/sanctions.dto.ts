import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, Nested } from '@yrd/platform';
import { SENTENCES } from '@yrd/sanctions-domain';
import { CREDIT_CODE, DIVISION, PartyDto, PERSON_ID } from './common.dto';

export class CheckQuery {
  @ApiPropertyOptional({ description: 'Credit code of an organisation (one of creditCode / personId)' })
  @IsOptional()
  @Matches(CREDIT_CODE, { message: 'creditCode must be an 18-character unified social credit code' })
  creditCode?: string;

  @ApiPropertyOptional({ description: 'Resident id of a person' })
  @IsOptional()
  @Matches(PERSON_ID, { message: 'personId must be an 18-character resident id' })
  personId?: string;

  @ApiPropertyOptional({ description: "Region asking (province code); defaults to the caller's" })
  @IsOptional()
  @Matches(DIVISION, { message: 'region must be a six-digit division code' })
  region?: string;

  @ApiPropertyOptional({ description: 'Day to answer for (default today, China time)', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class PersonDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty()
  @Matches(PERSON_ID, { message: 'personId must be an 18-character resident id' })
  personId!: string;
}

export class CourtJudgmentDto {
  @ApiProperty({ example: '（2026）沪0118刑初123号' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  judgmentNumber!: string;

  @ApiProperty({ example: '上海市青浦区人民法院' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  court!: string;

  @ApiPropertyOptional({ description: "Region of the court (default: the caller's)" })
  @IsOptional()
  @Matches(DIVISION, { message: 'region must be a six-digit division code' })
  region?: string;

  @ApiProperty({ type: PersonDto })
  @Nested(() => PersonDto)
  person!: PersonDto;

  @ApiProperty({ example: '生产、销售有毒、有害食品罪' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  charge!: string;

  @ApiProperty()
  @IsBoolean()
  foodSafetyCrime!: boolean;

  @ApiProperty({ enum: SENTENCES })
  @IsIn(SENTENCES)
  sentence!: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  effectiveOn!: string;
}

export class ListingDto {
  @ApiProperty({ enum: ['operating-abnormality', 'serious-violation-list'] })
  @IsIn(['operating-abnormality', 'serious-violation-list'])
  kind!: 'operating-abnormality' | 'serious-violation-list';

  @ApiProperty({ type: PartyDto })
  @Nested(() => PartyDto)
  subject!: PartyDto;

  @ApiProperty({ description: 'Number of the listing decision' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  documentNumber!: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  start!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day (inclusive); open-ended when absent' })
  @IsOptional()
  @IsCalendarDate()
  until?: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class RepairDto {
  @ApiProperty({ description: 'Reference of the repair decision (信用修复决定)', example: '浙市监信修〔2026〕3号' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ref!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  liftedOn?: string;
}
