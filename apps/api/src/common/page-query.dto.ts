import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;

/** Common list parameters. Each resource narrows `sort` with its own allowlist. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  // Room for a cursor after the longest sortable text (254 characters, JSON-escaped, base64url).
  @IsOptional() @IsString() @MaxLength(4096)
  cursor?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional() @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export function pageRequest(q: PageQueryDto & { sort?: string }, defaultSort: string, defaultOrder: 'asc' | 'desc' = 'asc') {
  return { limit: q.limit ?? 50, cursor: q.cursor, sort: q.sort ?? defaultSort, order: q.order ?? defaultOrder };
}
