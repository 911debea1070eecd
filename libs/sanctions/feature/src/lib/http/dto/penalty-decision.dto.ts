import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, Nested } from '@yrd/platform';
import { LICENCE_TYPES, MAX_AMOUNT_FEN, MAX_EMPLOYMENT_RESTRICTION_YEARS, MAX_SUSPENSION_MONTHS, PENALTY_KINDS, RESPONSIBLE_ROLES } from '@yrd/sanctions-domain';
import { DIVISION, PartyDto, PERSON_ID } from './common.dto';
import { CaseFactsDto } from './exemption.dto';

const CODE = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

export class LicenceDto {
  @ApiProperty({ enum: LICENCE_TYPES })
  @IsIn(LICENCE_TYPES)
  type!: string;

  @ApiProperty({ example: 'JY13101180000001' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  number!: string;
}

/** One penalty (《行政处罚法》第九条); which fields it needs depends on `kind` (checked by the domain). */
export class PenaltyDto {
  @ApiProperty({ enum: PENALTY_KINDS })
  @IsIn(PENALTY_KINDS)
  kind!: string;

  @ApiPropertyOptional({ description: 'fine / confiscation of illegal income: amount in fen (integer)', example: 20000000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_FEN)
  amountFen?: number;

  @ApiPropertyOptional({ description: 'confiscation of property / production suspension' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({ type: LicenceDto })
  @Nested(() => LicenceDto, { optional: true })
  licence?: LicenceDto;

  @ApiPropertyOptional({ description: 'licence suspension: months' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SUSPENSION_MONTHS)
  months?: number;

  @ApiPropertyOptional({ description: 'employment restriction: years (a ban for life is a sanction, not a penalty term)', minimum: 1, maximum: MAX_EMPLOYMENT_RESTRICTION_YEARS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_EMPLOYMENT_RESTRICTION_YEARS)
  years?: number;
}

export class ResponsiblePersonDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: '310101198506152310' })
  @Matches(PERSON_ID, { message: 'personId must be an 18-character resident id' })
  personId!: string;

  @ApiProperty({ enum: RESPONSIBLE_ROLES })
  @IsIn(RESPONSIBLE_ROLES)
  role!: string;
}

/** 裁量: the facts the fine was weighed on; the service computes the suggestion and records the basis. */
export class DiscretionClaimDto {
  @ApiProperty({ type: CaseFactsDto, description: 'Case facts as for POST /discretion/suggest' })
  @Nested(() => CaseFactsDto)
  facts!: CaseFactsDto;

  @ApiPropertyOptional({ description: 'The standard a joint action names (统一裁量); default: the one in force for the bureau', example: 'yrd-advertising-absolute-terms' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'standardId must be lower-case letters, digits and hyphens' })
  standardId?: string;

  @ApiPropertyOptional({ description: 'The joint action (联合执法) the case belongs to' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  jointActionId?: string;

  @ApiPropertyOptional({ description: 'Required when the fine is outside the suggested range (recorded and flagged to 法制审核 and auditors)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  justification?: string;
}

export class PenaltyDecisionDto {
  @ApiProperty({ example: '沪市监青处罚〔2026〕12号' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  decisionNumber!: string;

  @ApiProperty({ example: 'case-qp-2026-12' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  caseRef!: string;

  @ApiProperty({ description: "Issuing bureau: must be the caller's", example: '310118' })
  @Matches(DIVISION, { message: 'issuingBureau must be a six-digit division code' })
  issuingBureau!: string;

  @ApiProperty({ type: PartyDto })
  @Nested(() => PartyDto)
  subject!: PartyDto;

  @ApiProperty({ type: [ResponsiblePersonDto], description: '法定代表人、直接负责的主管人员和其他直接责任人员' })
  @IsArray()
  @ArrayMaxSize(50)
  @Nested(() => ResponsiblePersonDto, { each: true })
  responsiblePersons!: ResponsiblePersonDto[];

  @ApiProperty({ description: 'Recognition category', example: 'advertising' })
  @Matches(CODE, { message: 'category must be a lower-case code' })
  category!: string;

  @ApiProperty({ description: 'Kind of violation (same kind = same code)', example: 'advertising.absolute-terms' })
  @Matches(CODE, { message: 'violationKind must be a dotted lower-case code' })
  violationKind!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  facts!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  provisionsViolated!: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  penaltyProvisions!: string[];

  @ApiProperty({ type: [PenaltyDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Nested(() => PenaltyDto, { each: true })
  penalties!: PenaltyDto[];

  @ApiProperty({ format: 'date', example: '2026-03-02' })
  @IsCalendarDate()
  decisionDate!: string;

  @ApiProperty({ type: [String], enum: ['serious-violation-list'], description: 'Listings decided with the penalty' })
  @IsArray()
  @IsIn(['serious-violation-list'], { each: true })
  listings!: string[];

  @ApiPropertyOptional({ type: DiscretionClaimDto, description: '裁量: weigh the fine against the discretion standard (a departure needs a justification)' })
  @Nested(() => DiscretionClaimDto, { optional: true })
  discretion?: DiscretionClaimDto;
}

export class CorrectDecisionDto {
  @ApiProperty({ type: PenaltyDecisionDto, description: 'The whole corrected decision' })
  @Nested(() => PenaltyDecisionDto)
  decision!: PenaltyDecisionDto;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

export class RevokeDecisionDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  revokedOn?: string;
}
