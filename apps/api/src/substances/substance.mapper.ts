import { ApiProperty } from '@nestjs/swagger';
import type { Substance } from '#domain/developments/substance.entity.js';

export class SubstanceResponseDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
}

/** The whole list (tens of entries): no pages. */
export class SubstanceListDto {
  @ApiProperty({ type: SubstanceResponseDto, isArray: true }) items: SubstanceResponseDto[];
}

export function toSubstanceResponse(s: Substance): SubstanceResponseDto {
  return { code: s.code, label: s.label, active: s.active, createdAt: s.createdAt.toISOString() };
}
