import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Referral } from '@yrd/referral-domain';
import { DIVISION_CODE, DIVISION_CODE_MESSAGE } from '../common.dto';

export class ReferralReasonDto {
  @ApiProperty({ description: 'Why (required)', maxLength: 2000, example: '违法行为发生地不在本辖区' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class DesignateDto {
  @ApiProperty({ description: 'The bureau designated to handle it (6-digit division code)', example: '320509' })
  @Matches(DIVISION_CODE, { message: DIVISION_CODE_MESSAGE })
  designatedBureau!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class TransferDto {
  @ApiProperty({ description: 'Always refused for the receiver (不得再自行移送): dispute instead', example: '320509' })
  @Matches(DIVISION_CODE, { message: DIVISION_CODE_MESSAGE })
  toBureau!: string;
}

export class FeedbackDto {
  @ApiProperty({ enum: Referral.HANDLING_OUTCOMES })
  @IsIn([...Referral.HANDLING_OUTCOMES])
  outcome!: Referral.HandlingOutcome;

  @ApiProperty({ maxLength: 5000, example: '没收违法所得并罚款' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  handlingResult!: string;

  @ApiPropertyOptional({ description: 'Required when a case was opened (penalised, not-penalised)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  caseNumber?: string;

  @ApiPropertyOptional({ description: "Required for outcome 'penalised'", maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  penaltyDecisionRef?: string;
}
