import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  ExactlyOneOf,
  IsCreditCode,
  IsDateNotInFuture,
  IsPersonId,
  IsRegisteredBureau,
  IsWithinRegisteredArea,
} from '@yrd/intake-feature';

export class ClueSubjectDto {
  @ApiProperty({ description: 'Name of the company or person', maxLength: 200, example: '嘉善某某食品有限公司' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    description:
      'Unified social credit code (GB 32100-2015, 18 characters, check character verified). Positions 3–8 name the registering authority, which decides routing. Exactly one of creditCode and personId.',
    minLength: 18,
    maxLength: 18,
    example: '91330421MA2B000015',
  })
  @IsCreditCode()
  @ExactlyOneOf(['creditCode', 'personId'])
  creditCode?: string;

  @ApiPropertyOptional({
    description: 'Resident id number of a natural person (GB 11643-1999, check character verified). Exactly one of creditCode and personId.',
    minLength: 18,
    maxLength: 18,
    example: '11010519491231002X',
  })
  @IsPersonId()
  personId?: string;
}

export class PlaceDto {
  @ApiProperty({ description: 'Six-digit division code (GB/T 2260) of where the violation happened; must lie in a registered bureau’s area', example: '330421' })
  @IsWithinRegisteredArea()
  divisionCode!: string;

  @ApiProperty({ description: 'Address of the place', maxLength: 500, example: '嘉善县罗星街道某路 1 号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address!: string;
}

export class SubmitClueDto {
  @ApiProperty({ type: ClueSubjectDto, description: 'Who the clue is about' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ClueSubjectDto)
  subject!: ClueSubjectDto;

  @ApiProperty({ description: 'The suspected violation', maxLength: 500, example: '销售标签不符合食品安全标准的预包装食品' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  allegedViolation!: string;

  @ApiProperty({ description: 'What was found', maxLength: 20000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  facts!: string;

  @ApiProperty({ type: PlaceDto, description: 'Where the violation happened' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PlaceDto)
  place!: PlaceDto;

  @ApiPropertyOptional({ description: 'Explicit target bureau (a registered bureau’s division code); overrides routing by credit code and place', example: '320509' })
  @IsOptional()
  @IsRegisteredBureau()
  suggestedTarget?: string;

  @ApiPropertyOptional({ description: 'Evidence ids (from the evidence notary); default none', type: [String], maxItems: 100, example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  evidenceRefs?: string[];

  @ApiPropertyOptional({ enum: ['normal', 'urgent'], default: 'normal' })
  @IsOptional()
  @IsIn(['normal', 'urgent'])
  urgency?: 'normal' | 'urgent';

  @ApiPropertyOptional({
    description: 'Day the clue was discovered or received (YYYY-MM-DD, China time, not in the future); default today. The 15-working-day check period counts from the next day.',
    format: 'date',
    example: '2026-11-20',
  })
  @IsOptional()
  @IsDateNotInFuture()
  discoveredOn?: string;
}

export class OpenCaseDto {
  @ApiProperty({ description: 'Case number (案号) assigned on opening', maxLength: 100, example: '青市监案〔2026〕101号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  caseNumber!: string;

  @ApiProperty({ description: 'The bureau head who approved opening the case (负责人)', maxLength: 128, example: 'head-qp-1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  approvedBy!: string;
}

export class DeclineCaseDto {
  @ApiProperty({ description: 'Why no case is opened (不予立案理由)', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ description: 'The bureau head who approved the decision', maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  approvedBy!: string;
}

export class ExtendCheckDto {
  @ApiProperty({ description: 'The bureau head who approved the extension', maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  approvedBy!: string;

  @ApiProperty({ description: 'The special circumstances (特殊情况) that justify it', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
