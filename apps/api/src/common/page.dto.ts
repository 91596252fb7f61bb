import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The response schema of a keyset-paged list: `export class AgencyPageDto extends PageOf(AgencyResponseDto) {}`
 * (the subclass names the schema in the OpenAPI document).
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: item, isArray: true })
    items: T[];

    @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
    nextCursor: string | null;
  }
  return PageDto;
}
