import { ApiProperty } from '@nestjs/swagger';
import { type District, type GeoJsonPolygon } from '#domain/places/district.entity.js';
import { PageOf } from '../common/page.dto.js';
import { GEOJSON_POLYGON_SCHEMA } from './dto/district.dto.js';

export class DistrictResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() code: string;
  @ApiProperty({ ...GEOJSON_POLYGON_SCHEMA, nullable: true }) boundary: GeoJsonPolygon | null;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class DistrictPageDto extends PageOf(DistrictResponseDto) {}

export function toDistrictResponse(d: District): DistrictResponseDto {
  return {
    id: d.id, name: d.name, code: d.code, boundary: d.boundary, active: d.active, version: d.version,
    createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(),
  };
}
