import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PLACE_KINDS, SENSITIVE_KINDS, type PlaceKind, type SensitiveKind } from '#domain/places/place-kind.js';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { QueryBoolean } from '../../common/query-boolean.decorator.js';
import { RequiredText } from '../../common/required-text.decorator.js';

const FINITE = { allowNaN: false, allowInfinity: false };

export class CreatePlaceDto {
  @ApiProperty({ example: 'Bahnhofsvorplatz', maxLength: 200 })
  @RequiredText(200)
  name: string;

  @ApiProperty({ enum: PLACE_KINDS, description: 'scene: Szeneplatz; sensitive: besonders sensibler Ort (needs sensitiveKind); other' })
  @IsIn(PLACE_KINDS)
  kind: PlaceKind;

  @ApiPropertyOptional({ enum: SENSITIVE_KINDS, nullable: true, description: 'Required for kind "sensitive", not allowed otherwise' })
  @IsOptional() @IsIn(SENSITIVE_KINDS)
  sensitiveKind?: SensitiveKind | null;

  @ApiProperty({ example: 51.345, minimum: -90, maximum: 90, description: 'WGS84; must lie in the configured city area' })
  @IsNumber(FINITE) @Min(-90) @Max(90)
  lat: number;

  @ApiProperty({ example: 12.38, minimum: -180, maximum: 180, description: 'WGS84; must lie in the configured city area' })
  @IsNumber(FINITE) @Min(-180) @Max(180)
  lon: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Used only when no district boundary contains the point; one that contradicts the boundaries is refused (422)' })
  @IsOptional() @IsUUID()
  districtId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, example: 'Bahnhofsplatz 1' })
  @IsOptional() @IsString() @MaxLength(500)
  address?: string | null;
}


// Written out instead of PartialType: PartialType's IsOptional would let null through for fields
// that cannot be cleared (and then fail in the service instead of naming the field).
export class UpdatePlaceDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull() @RequiredText(200)
  name?: string;

  @ApiPropertyOptional({ enum: PLACE_KINDS, description: 'Changing away from "sensitive" clears sensitiveKind' })
  @IsOptionalNotNull() @IsIn(PLACE_KINDS)
  kind?: PlaceKind;

  @ApiPropertyOptional({ enum: SENSITIVE_KINDS, nullable: true })
  @IsOptional() @IsIn(SENSITIVE_KINDS)
  sensitiveKind?: SensitiveKind | null;

  @ApiPropertyOptional({ minimum: -90, maximum: 90 })
  @IsOptionalNotNull() @IsNumber(FINITE) @Min(-90) @Max(90)
  lat?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180 })
  @IsOptionalNotNull() @IsNumber(FINITE) @Min(-180) @Max(180)
  lon?: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Used only when no district boundary contains the point' })
  @IsOptional() @IsUUID()
  districtId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional() @IsString() @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused (409)' })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

const SORTS = ['name', 'createdAt', 'updatedAt'] as const;
const nearGiven = (o: ListPlacesQueryDto) => o.nearLat !== undefined || o.nearLon !== undefined || o.radiusM !== undefined;

export class ListPlacesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PLACE_KINDS })
  @IsOptional() @IsIn(PLACE_KINDS)
  kind?: PlaceKind;

  @ApiPropertyOptional({ enum: SENSITIVE_KINDS })
  @IsOptional() @IsIn(SENSITIVE_KINDS)
  sensitiveKind?: SensitiveKind;

  @ApiPropertyOptional()
  @IsOptional() @IsUUID()
  districtId?: string;

  @ApiPropertyOptional()
  @QueryBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name or address' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'With nearLon and radiusM: only places within radiusM metres of this point' })
  @ValidateIf(nearGiven) @Type(() => Number) @IsNumber(FINITE) @Min(-90) @Max(90)
  nearLat?: number;

  @ApiPropertyOptional({ description: 'With nearLat and radiusM' })
  @ValidateIf(nearGiven) @Type(() => Number) @IsNumber(FINITE) @Min(-180) @Max(180)
  nearLon?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 50000, description: 'With nearLat and nearLon' })
  @ValidateIf(nearGiven) @Type(() => Number) @IsInt() @Min(1) @Max(50_000)
  radiusM?: number;

  @ApiPropertyOptional({ enum: SORTS })
  @IsOptional() @IsIn(SORTS)
  sort?: (typeof SORTS)[number];
}
