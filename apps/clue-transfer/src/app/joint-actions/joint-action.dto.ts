import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, Nested } from '@yrd/platform';
import { DIVISION_CODE, DIVISION_CODE_MESSAGE } from '../common.dto';


export class TaskDto {
  @ApiPropertyOptional({ description: 'Defaults to task-<n>', pattern: '^[A-Za-z0-9_.-]{1,100}$' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,100}$/, { message: '$property must be 1-100 letters, digits, "_", "." or "-"' })
  taskId?: string;

  @ApiProperty({ example: '320509' })
  @Matches(DIVISION_CODE, { message: DIVISION_CODE_MESSAGE })
  bureau!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;
}

export class CreateJointActionDto {
  @ApiProperty({ maxLength: 300, example: '示范区网络餐饮联合执法' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ example: '2026-12-01', description: '统一时间: no task starts before it' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsCalendarDate()
  endsOn!: string;

  @ApiProperty({ type: [String], description: '统一查处: what the campaign targets' })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  targets!: string[];

  @ApiProperty({ description: '统一裁量: the discretion standard applied', example: 'YRD-DZ-2024-01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  discretionStandardId!: string;

  @ApiProperty({ type: [TaskDto], description: '统一力量: tasks for at least two bureaus' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Nested(() => TaskDto, { each: true })
  tasks!: TaskDto[];
}

export class TaskResultDto {
  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  inspections?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  casesOpened?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  caseNumbers?: string[];
}

export class CompleteTaskDto {
  @ApiProperty({ type: TaskResultDto })
  @Nested(() => TaskResultDto)
  result!: TaskResultDto;
}

export class CloseJointActionDto {
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string;
}

export class JointActionListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  limit?: number;

  @ApiPropertyOptional({ description: 'Auditors and admins: one bureau only' })
  @IsOptional()
  @Matches(DIVISION_CODE, { message: DIVISION_CODE_MESSAGE })
  bureau?: string;
}
