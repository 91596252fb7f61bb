import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_KINDS, type AgencyKind } from '#domain/agencies/agency-kind.js';
import type { Agency } from '#domain/agencies/agency.entity.js';
import { PageOf } from '../common/page.dto.js';

export class AgencyResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
  @ApiProperty() code: string;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class AgencyPageDto extends PageOf(AgencyResponseDto) {}

export function toAgencyResponse(a: Agency): AgencyResponseDto {
  return { id: a.id, name: a.name, kind: a.kind, code: a.code, active: a.active, version: a.version, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() };
}
