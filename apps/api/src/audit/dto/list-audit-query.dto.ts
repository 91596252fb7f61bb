import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsTimestamp } from '../../common/date-input.decorator.js';
import { PageQueryDto } from '../../common/page-query.dto.js';

const ACTIONS = ['create', 'update', 'deactivate', 'reactivate', 'read', 'export', 'login', 'logout', 'password_change', 'withdraw', 'confirm_access', 'delete'] as const;

export class ListAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'agency' }) @IsOptional() @IsString() @Matches(/^[a-z_]{1,40}$/)
  entityType?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ enum: ACTIONS }) @IsOptional() @IsIn(ACTIONS)
  action?: (typeof ACTIONS)[number];

  @ApiPropertyOptional({ description: 'ISO 8601, inclusive' }) @IsOptional() @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, exclusive' }) @IsOptional() @IsTimestamp()
  to?: string;

  @ApiPropertyOptional({ enum: ['at'] }) @IsOptional() @IsIn(['at'])
  sort?: 'at';
}
