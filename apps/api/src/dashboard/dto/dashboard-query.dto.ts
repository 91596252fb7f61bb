import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../common/date-input.decorator.js';

export class DashboardQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Period for the completion rate (Berlin date, inclusive); default 90 days before `to`' })
  @IsOptional() @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'End of the period (Berlin date, inclusive); default today' })
  @IsOptional() @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Only measures that name this district or one of its places' })
  @IsOptional() @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ description: 'Only measures agreed in this rapport' })
  @IsOptional() @IsUUID()
  rapportId?: string;
}
