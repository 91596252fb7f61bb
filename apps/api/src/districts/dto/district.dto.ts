import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { type GeoJsonPolygon } from '#domain/places/district.entity.js';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { QueryBoolean } from '../../common/query-boolean.decorator.js';
import { RequiredText } from '../../common/required-text.decorator.js';

export const GEOJSON_POLYGON_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  description: 'GeoJSON Polygon (RFC 7946), WGS84, positions as [longitude, latitude]; each ring closed (first = last), at least 4 positions, no self-intersection',
  example: { type: 'Polygon', coordinates: [[[12.355, 51.33], [12.39, 51.33], [12.39, 51.355], [12.355, 51.355], [12.355, 51.33]]] },
  required: ['type', 'coordinates'],
  properties: {
    type: { type: 'string', enum: ['Polygon'] },
    coordinates: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 3 } } },
  },
};

export class CreateDistrictDto {
  @ApiProperty({ example: 'Mitte', maxLength: 200 })
  @RequiredText(200)
  name: string;

  @ApiProperty({ example: 'MITTE', description: 'Unique; 1-20 letters, digits or -, stored upper-case' })
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/, { message: 'must be 1-20 letters, digits or "-"' })
  code: string;

  // The shape is checked in the domain (validatePolygon) so that the API, the demo data and any
  // import share one set of rules; the DTO only insists on an object.
  @ApiPropertyOptional({ ...GEOJSON_POLYGON_SCHEMA, nullable: true })
  @IsOptional() @IsObject()
  boundary?: GeoJsonPolygon | null;
}


// Written out instead of PartialType, whose IsOptional would let `"name": null` through.
export class UpdateDistrictDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull() @RequiredText(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Unique; 1-20 letters, digits or -, stored upper-case' })
  @IsOptionalNotNull() @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/, { message: 'must be 1-20 letters, digits or "-"' })
  code?: string;

  @ApiPropertyOptional({ ...GEOJSON_POLYGON_SCHEMA, nullable: true, description: 'null removes the boundary' })
  @IsOptional() @IsObject()
  boundary?: GeoJsonPolygon | null;

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused (409)' })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

const SORTS = ['name', 'code', 'createdAt'] as const;

export class ListDistrictsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @QueryBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name or code' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: SORTS })
  @IsOptional() @IsIn(SORTS)
  sort?: (typeof SORTS)[number];
}
