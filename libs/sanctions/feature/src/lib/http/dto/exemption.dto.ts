import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CREDIT_CODE, DIVISION, ISO_DATE, PERSON_ID } from './common.dto';

export class SubjectRefDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CREDIT_CODE, { message: 'creditCode must be an 18-character unified social credit code' })
  creditCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PERSON_ID, { message: 'personId must be an 18-character resident id' })
  personId?: string;
}

export class CorrectionDto {
  @ApiPropertyOptional({ format: 'date', description: 'Deadline in the correction order (责令改正期限)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'orderedBy must be a date YYYY-MM-DD' })
  orderedBy?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Day the party corrected' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'correctedOn must be a date YYYY-MM-DD' })
  correctedOn?: string;
}

export class AmountsDto {
  @ApiPropertyOptional({ description: '货值金额, fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  goodsValueFen?: number;

  @ApiPropertyOptional({ description: '违法所得, fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  illegalIncomeFen?: number;

  @ApiPropertyOptional({ description: '销售金额, fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  salesFen?: number;
}

export class CaseFactsDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  caseRef!: string;

  @ApiProperty({ description: "The case's bureau (the caller's)", example: '330421' })
  @Matches(DIVISION, { message: 'bureau must be a six-digit division code' })
  bureau!: string;

  @ApiProperty({ type: SubjectRefDto })
  @ValidateNested()
  @Type(() => SubjectRefDto)
  subject!: SubjectRefDto;

  @ApiProperty({ example: 'advertising.absolute-terms' })
  @Matches(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, { message: 'violationKind must be a dotted lower-case code' })
  violationKind!: string;

  @ApiProperty({ format: 'date', description: 'Day the case is judged on (lists in force that day apply)' })
  @Matches(ISO_DATE, { message: 'caseDate must be a date YYYY-MM-DD' })
  caseDate!: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'discoveredOn must be a date YYYY-MM-DD' })
  discoveredOn?: string;

  @ApiPropertyOptional({ type: CorrectionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CorrectionDto)
  correction?: CorrectionDto;

  @ApiPropertyOptional({ enum: ['none', 'minor', 'serious'] })
  @IsOptional()
  @IsIn(['none', 'minor', 'serious'])
  harm?: 'none' | 'minor' | 'serious';

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  noSubjectiveFaultProven?: boolean;

  @ApiPropertyOptional({ type: AmountsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AmountsDto)
  amounts?: AmountsDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  violationDays?: number;

  @ApiPropertyOptional({ description: 'Yes/no facts named by list items, e.g. { "ownPremisesOrSelfMedia": true }', type: 'object', additionalProperties: { type: 'boolean' } })
  @IsOptional()
  @IsObject()
  flags?: Record<string, boolean>;
}
