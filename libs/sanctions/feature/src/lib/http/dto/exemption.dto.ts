import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, Nested } from '@yrd/platform';
import { EARLIEST_CASE_DATE } from '@yrd/calendar';
import { MAX_CASE_AMOUNT_FEN, MAX_VIOLATION_DAYS } from '@yrd/exemption-domain';
import { CREDIT_CODE, DIVISION, PERSON_ID } from './common.dto';

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
  @IsCalendarDate()
  orderedBy?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Day the party corrected' })
  @IsOptional()
  @IsCalendarDate({ notBefore: EARLIEST_CASE_DATE, notInFuture: true })
  correctedOn?: string;
}

export class AmountsDto {
  @ApiPropertyOptional({ description: '货值金额, fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CASE_AMOUNT_FEN)
  goodsValueFen?: number;

  @ApiPropertyOptional({ description: '违法所得, fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CASE_AMOUNT_FEN)
  illegalIncomeFen?: number;

  @ApiPropertyOptional({ description: '销售金额, fen' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CASE_AMOUNT_FEN)
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
  @Nested(() => SubjectRefDto)
  subject!: SubjectRefDto;

  @ApiProperty({ example: 'advertising.absolute-terms' })
  @Matches(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, { message: 'violationKind must be a dotted lower-case code' })
  violationKind!: string;

  @ApiProperty({ format: 'date', description: 'Day the case is judged on (lists in force that day apply)' })
  @IsCalendarDate({ notBefore: EARLIEST_CASE_DATE })
  caseDate!: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate({ notBefore: EARLIEST_CASE_DATE, notInFuture: true })
  discoveredOn?: string;

  @ApiPropertyOptional({ type: CorrectionDto })
  @Nested(() => CorrectionDto, { optional: true })
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
  @Nested(() => AmountsDto, { optional: true })
  amounts?: AmountsDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_VIOLATION_DAYS)
  violationDays?: number;

  @ApiPropertyOptional({ description: 'Yes/no facts named by list items, e.g. { "ownPremisesOrSelfMedia": true }', type: 'object', additionalProperties: { type: 'boolean' } })
  @IsOptional()
  @IsObject()
  flags?: Record<string, boolean>;
}
