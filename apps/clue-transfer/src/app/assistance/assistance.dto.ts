import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, Nested } from '@yrd/platform';
import { Assistance } from '@yrd/referral-domain';
import { DIVISION_CODE, DIVISION_CODE_MESSAGE } from '../common.dto';

export class RequestAssistanceDto {
  @ApiProperty({ description: 'The bureau asked to assist (6-digit division code)', example: '330421' })
  @Matches(DIVISION_CODE, { message: DIVISION_CODE_MESSAGE })
  requestedBureau!: string;

  @ApiProperty({ type: [String], description: 'What to verify or collect (distinct)', example: ['该公司是否在登记住所实际经营？'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(2000, { each: true })
  questions!: string[];

  @ApiPropertyOptional({ description: 'The referral or case it serves', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  caseRef?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 15, default: 15, description: 'Working days to answer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(15)
  workingDays?: number;
}

export class FindingDto implements Assistance.Finding {
  @ApiProperty({ description: 'One of the questions, verbatim' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  question!: string;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  finding!: string;

  @ApiProperty({ enum: Assistance.FINDING_CONCLUSIONS })
  @IsIn([...Assistance.FINDING_CONCLUSIONS])
  conclusion!: Assistance.FindingConclusion;
}

export class AnswerAssistanceDto {
  @ApiProperty({ type: [FindingDto], description: 'One finding per question' })
  @IsArray()
  @ArrayMinSize(1)
  @Nested(() => FindingDto, { each: true })
  findings!: FindingDto[];

  @ApiProperty({ type: [String], description: 'Evidence ids (notary)', example: [] })
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  attachmentRefs!: string[];
}

export class ExtensionDto {
  @ApiPropertyOptional({ description: 'New last day (YYYY-MM-DD); or give extraWorkingDays', example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  newDueDate?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, description: 'Working days added to the current due date' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  extraWorkingDays?: number;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
