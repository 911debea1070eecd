import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, Nested } from '@yrd/platform';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@yrd/auth';
import { CalendarAdmin } from '@yrd/referral-feature';


export class NoticeSourceDto {
  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ example: '国办发明电〔2026〕7号' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentNumber?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @IsUrl({}, { each: true })
  urls?: string[];
}

export class LoadYearDto {
  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ type: [String], description: 'Days off (YYYY-MM-DD), weekend days inside a holiday included' })
  @IsArray()
  @IsCalendarDate({}, { each: true })
  holidays!: string[];

  @ApiProperty({ type: [String], description: 'Weekend days worked instead (调休/补班)' })
  @IsArray()
  @IsCalendarDate({}, { each: true })
  workdays!: string[];

  @ApiProperty({ type: NoticeSourceDto })
  @Nested(() => NoticeSourceDto)
  source!: NoticeSourceDto;
}

@ApiTags('calendar')
@ApiAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarAdmin) {}

  @Post('years')
  @Roles('admin')
  @ApiOperation({
    summary: "Load a year's State Council holiday notice",
    description: 'Provisional deadlines of open referrals and assistance requests are recomputed (*.deadline-recomputed events).',
  })
  loadYear(@CurrentPrincipal() me: Principal, @Body() body: LoadYearDto) {
    return this.calendar.loadYear({ ...body, source: { ...body.source, urls: body.source.urls ?? [] } }, me.sub);
  }
}
