import { ApiProperty } from '@nestjs/swagger';
import { PLACE_KINDS, SENSITIVE_KINDS, type PlaceKind, type SensitiveKind } from '#domain/places/place-kind.js';
import type { Place } from '#domain/places/place.entity.js';
import { PageOf } from '../common/page.dto.js';

export class PlaceDistrictDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class PlaceResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLACE_KINDS }) kind: PlaceKind;
  @ApiProperty({ enum: SENSITIVE_KINDS, type: String, nullable: true }) sensitiveKind: SensitiveKind | null;
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) districtId: string | null;
  @ApiProperty({ nullable: true, type: PlaceDistrictDto }) district: PlaceDistrictDto | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class PlacePageDto extends PageOf(PlaceResponseDto) {}

export function toPlaceResponse(p: Place): PlaceResponseDto {
  return {
    id: p.id, name: p.name, kind: p.kind, sensitiveKind: p.sensitiveKind, lat: p.lat, lon: p.lon,
    districtId: p.districtId,
    district: p.district ? { id: p.district.id, code: p.district.code, name: p.district.name } : null,
    address: p.address, active: p.active, version: p.version,
    createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(),
  };
}
