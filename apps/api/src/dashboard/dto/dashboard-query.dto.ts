import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { DATE_MESSAGE, DATE_PATTERN } from '../../measures/dto/measure.dto.js';

export class DashboardQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'Period for the completion rate (Berlin date, inclusive); default 90 days before `to`' })
  @IsOptional() @IsString() @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'End of the period (Berlin date, inclusive); default today' })
  @IsOptional() @IsString() @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  to?: string;

  @ApiPropertyOptional({ description: 'Only measures that name this district or one of its places' })
  @IsOptional() @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ description: 'Only measures agreed in this rapport' })
  @IsOptional() @IsUUID()
  rapportId?: string;
}
