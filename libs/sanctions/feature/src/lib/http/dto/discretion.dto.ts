import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { Nested } from '@yrd/platform';
import { CaseFactsDto } from './exemption.dto';

export class SuggestDto {
  @ApiProperty({ type: CaseFactsDto, description: "The case's facts; the bureau and caseDate decide the region and the standard version" })
  @Nested(() => CaseFactsDto)
  facts!: CaseFactsDto;

  @ApiPropertyOptional({ description: 'The standard a joint action names (统一裁量)', example: 'yrd-advertising-absolute-terms' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'standardId must be lower-case letters, digits and hyphens' })
  standardId?: string;
}
