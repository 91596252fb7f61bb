import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf,
} from 'class-validator';
import { DEVELOPMENT_CATEGORIES, VISIBILITIES, type DevelopmentCategory, type Visibility } from '#domain/developments/development-enums.js';
import type { DevelopmentFilter } from '#domain/developments/development-filter.js';
import { DEVELOPMENT_MEASURE_DOC, DEVELOPMENT_MEASURES, type DevelopmentMeasure } from '#domain/developments/development-measure.js';
import type { DevelopmentInput, DevelopmentPatch } from '#domain/developments/developments.service.js';
import type { TrendQuery } from '#domain/developments/development-trends.service.js';
import { IsTimestamp } from '../../common/date-input.decorator.js';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { RequiredText } from '../../common/required-text.decorator.js';

export const NO_PERSONAL_DATA = 'No personal data about drug users belongs here: no names, descriptions of persons, licence plates or anything else that identifies someone.';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
/** ?category=a&category=b and ?category=a,b both work. */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean)
    : Array.isArray(value) ? value.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean) : value;

export class CreateDevelopmentDto {
  @ApiProperty({ enum: DEVELOPMENT_CATEGORIES })
  @IsIn(DEVELOPMENT_CATEGORIES)
  category: DevelopmentCategory;

  @ApiProperty({ example: '2026-03-01T09:30:00Z', description: 'When it was observed (ISO 8601 with time zone); not in the future' })
  @IsTimestamp()
  observedAt: string;

  @ApiPropertyOptional({ description: 'A known place; its coordinates and district are used. Give either placeId or lat+lon.' })
  @IsOptional() @IsUUID()
  placeId?: string;

  @ApiPropertyOptional({ minimum: -90, maximum: 90, description: 'WGS84 latitude; must lie in the city area' })
  @IsOptionalNotNull() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90)
  lat?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180, description: 'WGS84 longitude; must lie in the city area' })
  @IsOptionalNotNull() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180)
  lon?: number;

  @ApiPropertyOptional({ minimum: 0, example: 14, description: 'How many (e.g. syringes found, complaints received)' })
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000)
  count?: number;

  @ApiPropertyOptional({ type: String, isArray: true, example: ['crack', 'heroin'], description: 'Codes of active substances (GET /substances)' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(/^[a-z][a-z0-9_]{1,39}$/, { each: true, message: 'each must be a substance code' })
  substances?: string[];

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt() @Min(1) @Max(5)
  severity: number;

  @ApiPropertyOptional({ maxLength: 4000, example: '14 Spritzen im Gebüsch am Spielplatzrand gefunden', description: `What was observed. ${NO_PERSONAL_DATA}` })
  @IsOptionalNotNull() @IsString() @MaxLength(4000)
  description?: string;

  @ApiProperty({ enum: VISIBILITIES, description: "all: every participant; own_agency: your agency only; agencies: your agency and those in visibleAgencyIds" })
  @IsIn(VISIBILITIES)
  visibility: Visibility;

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true, description: 'Required (non-empty) with visibility "agencies"; not allowed otherwise' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  visibleAgencyIds?: string[];
}

/** Every field optional; a correction is applied only to the version you read (here or If-Match). */
export class UpdateDevelopmentDto {
  @ApiPropertyOptional({ enum: DEVELOPMENT_CATEGORIES }) @IsOptionalNotNull() @IsIn(DEVELOPMENT_CATEGORIES)
  category?: DevelopmentCategory;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsTimestamp()
  observedAt?: string;

  @ApiPropertyOptional({ description: 'Move to a known place (clears own coordinates)' }) @IsOptionalNotNull() @IsUUID()
  placeId?: string;

  @ApiPropertyOptional({ description: 'Move to coordinates (with lon; clears the place)' }) @IsOptionalNotNull() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90)
  lat?: number;

  @ApiPropertyOptional({ description: 'Move to coordinates (with lat; clears the place)' }) @IsOptionalNotNull() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180)
  lon?: number;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, description: 'null: not counted' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(0) @Max(1_000_000)
  count?: number | null;

  @ApiPropertyOptional({ type: String, isArray: true, description: 'Codes of active substances (GET /substances)' }) @IsOptionalNotNull() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(/^[a-z][a-z0-9_]{1,39}$/, { each: true, message: 'each must be a substance code' })
  substances?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptionalNotNull() @IsInt() @Min(1) @Max(5)
  severity?: number;

  @ApiPropertyOptional({ maxLength: 4000, description: `What was observed. ${NO_PERSONAL_DATA}` }) @IsOptionalNotNull() @IsString() @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ enum: VISIBILITIES }) @IsOptionalNotNull() @IsIn(VISIBILITIES)
  visibility?: Visibility;

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true }) @IsOptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  visibleAgencyIds?: string[];

  @ApiPropertyOptional({ description: 'The version you read (or send If-Match); required one way or the other; a stale version is refused (409 VERSION_CONFLICT)' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class WithdrawDevelopmentDto {
  @ApiProperty({ maxLength: 1000, description: `Why it is withdrawn (e.g. "doppelt erfasst"). ${NO_PERSONAL_DATA}` })
  @RequiredText(1000)
  reason: string;

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused (409)' })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

/** Only the reader themself: a reporter filter by person id would tell who reported what. */
const REPORTED_BY = ['me'] as const;

/** The filters shared by the list and the CSV export. */
export class DevelopmentFilterQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  districtId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  placeId?: string;

  @ApiPropertyOptional({ enum: DEVELOPMENT_CATEGORIES, isArray: true, description: 'One or several (repeat the parameter or separate with commas)' })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMaxSize(DEVELOPMENT_CATEGORIES.length) @IsIn(DEVELOPMENT_CATEGORIES, { each: true })
  category?: DevelopmentCategory[];

  @ApiPropertyOptional({ description: 'Reporting agency' }) @IsOptional() @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: REPORTED_BY, description: 'me: only the developments you reported yourself (among those you may see; no other value is accepted)' })
  @IsOptional() @IsIn(REPORTED_BY)
  reportedBy?: (typeof REPORTED_BY)[number];

  @ApiPropertyOptional({ description: 'observedAt from (ISO 8601, inclusive)' }) @IsOptional() @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ description: 'observedAt to (ISO 8601, exclusive)' }) @IsOptional() @IsTimestamp()
  to?: string;

  @ApiPropertyOptional({ example: '51.3397,12.3731', description: 'Centre "lat,lon" of a radius search (with radiusM)' })
  @IsOptional() @Matches(/^-?\d{1,3}(\.\d{1,20})?,-?\d{1,3}(\.\d{1,20})?$/, { message: 'must be "lat,lon", e.g. 51.3397,12.3731' })
  near?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50000, default: 500, description: 'Radius in metres around near' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50000)
  radiusM?: number;

  @ApiPropertyOptional({ description: 'Only developments near a particularly sensitive place (kindergarten, school, ...)' })
  @IsOptional() @Transform(toBool) @IsBoolean()
  nearSensitiveOnly?: boolean;

  @ApiPropertyOptional({ description: 'Words to find in the description (German stemming)' }) @IsOptional() @IsString() @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ default: false }) @IsOptional() @Transform(toBool) @IsBoolean()
  includeWithdrawn?: boolean;
}

const SORTS = ['observedAt', 'severity', 'createdAt'] as const;

export class ListDevelopmentsQueryDto extends IntersectionType(PageQueryDto, DevelopmentFilterQueryDto) {
  @ApiPropertyOptional({ enum: SORTS, default: 'observedAt' }) @IsOptional() @IsIn(SORTS)
  sort?: (typeof SORTS)[number];
}

export class TrendsQueryDto {
  @ApiProperty({ description: 'Start (ISO 8601); the first bucket is the week/month containing it' }) @IsTimestamp()
  from: string;

  @ApiPropertyOptional({ description: 'End (ISO 8601, exclusive); default now' }) @IsOptional() @IsTimestamp()
  to?: string;

  @ApiPropertyOptional({ enum: ['week', 'month'], default: 'week' }) @IsOptional() @IsIn(['week', 'month'])
  interval?: 'week' | 'month';

  @ApiPropertyOptional({ enum: ['district', 'place'], default: 'district' }) @IsOptional() @IsIn(['district', 'place'])
  groupBy?: 'district' | 'place';

  @ApiPropertyOptional({ enum: DEVELOPMENT_MEASURES, default: 'reports', description: DEVELOPMENT_MEASURE_DOC }) @IsOptional() @IsIn(DEVELOPMENT_MEASURES)
  measure?: DevelopmentMeasure;

  @ApiPropertyOptional({ enum: DEVELOPMENT_CATEGORIES, isArray: true })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMaxSize(DEVELOPMENT_CATEGORIES.length) @IsIn(DEVELOPMENT_CATEGORIES, { each: true })
  category?: DevelopmentCategory[];

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  districtId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  placeId?: string;

  @ApiPropertyOptional({ description: 'Reporting agency' }) @IsOptional() @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean()
  nearSensitiveOnly?: boolean;
}

export class SummaryQueryDto {
  @ApiPropertyOptional({ description: 'Since when (ISO 8601), e.g. the date of the last rapport. Give either since or rapportId.' }) @IsOptional() @IsTimestamp()
  since?: string;

  @ApiPropertyOptional({ description: 'Since the last rapport before this meeting: the start of the last held rapport of its series before it. Give either since or rapportId.' })
  @IsOptional() @IsUUID()
  rapportId?: string;

  @ApiPropertyOptional({ description: 'Until (ISO 8601, exclusive); default now' }) @IsOptional() @IsTimestamp()
  until?: string;
}

export function toDevelopmentInput(b: CreateDevelopmentDto): DevelopmentInput {
  const { observedAt, ...rest } = b;
  return { ...rest, observedAt: new Date(observedAt) };
}

export function toDevelopmentPatch(b: Omit<UpdateDevelopmentDto, 'version'>): DevelopmentPatch {
  const { observedAt, ...rest } = b;
  return { ...rest, ...(observedAt !== undefined ? { observedAt: new Date(observedAt) } : {}) };
}

/** `reader` resolves `reportedBy=me`. */
export function toDevelopmentFilter(q: DevelopmentFilterQueryDto, reader: { id: string }): DevelopmentFilter {
  let near: DevelopmentFilter['near'];
  if (q.near) {
    const [lat, lon] = q.near.split(',').map(Number) as [number, number];
    near = { lat, lon, radiusM: q.radiusM ?? 500 };
  }
  return {
    districtId: q.districtId,
    placeId: q.placeId,
    categories: q.category,
    agencyId: q.agencyId,
    reporterId: q.reportedBy === 'me' ? reader.id : undefined,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    near,
    nearSensitiveOnly: q.nearSensitiveOnly,
    q: q.q?.trim() || undefined,
    includeWithdrawn: q.includeWithdrawn ?? false,
  };
}

export function toTrendQuery(q: TrendsQueryDto): TrendQuery {
  return {
    from: new Date(q.from),
    // Without `to`: up to the next full minute, so that repeated views can share a cached result.
    to: q.to ? new Date(q.to) : new Date(Math.ceil(Date.now() / 60_000) * 60_000),
    interval: q.interval ?? 'week',
    groupBy: q.groupBy ?? 'district',
    measure: q.measure ?? 'reports',
    filter: { categories: q.category, districtId: q.districtId, placeId: q.placeId, agencyId: q.agencyId, nearSensitiveOnly: q.nearSensitiveOnly },
  };
}
