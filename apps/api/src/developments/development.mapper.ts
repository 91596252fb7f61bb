import { DEVELOPMENT_MEASURE_DOC, DEVELOPMENT_MEASURES, type DevelopmentMeasure } from '#domain/developments/development-measure.js';
import { ApiProperty } from '@nestjs/swagger';
import { DEVELOPMENT_CATEGORIES, VISIBILITIES, type DevelopmentCategory, type Visibility } from '#domain/developments/development-enums.js';
import type { DevelopmentView } from '#domain/developments/development-view.js';
import type { AgencySummary, TrendResult } from '#domain/developments/development-trends.service.js';
import { SENSITIVE_KINDS, type SensitiveKind } from '#domain/places/place-kind.js';
import { PageOf } from '../common/page.dto.js';
import { AgencyRefDto, NamedRefDto } from '../common/ref.dto.js';
import { NO_PERSONAL_DATA } from './dto/development.dto.js';

export class SensitivePlaceRefDto extends NamedRefDto {
  @ApiProperty({ enum: SENSITIVE_KINDS, nullable: true, type: String }) sensitiveKind: SensitiveKind | null;
  @ApiProperty({ description: 'Distance in metres when the development was stored' }) distanceM: number;
}

export class DevelopmentResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: DEVELOPMENT_CATEGORIES }) category: DevelopmentCategory;
  @ApiProperty() observedAt: string;
  @ApiProperty({ type: NamedRefDto, nullable: true }) place: NamedRefDto | null;
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
  @ApiProperty({ type: NamedRefDto, nullable: true }) district: NamedRefDto | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'How many (e.g. syringes found); null when not counted' }) count: number | null;
  @ApiProperty({ isArray: true, type: String }) substances: string[];
  @ApiProperty({ minimum: 1, maximum: 5 }) severity: number;
  @ApiProperty({ description: `Free text. ${NO_PERSONAL_DATA}` }) description: string;
  @ApiProperty({ type: AgencyRefDto }) reportingAgency: AgencyRefDto;
  @ApiProperty() reporterId: string;
  @ApiProperty({ enum: VISIBILITIES }) visibility: Visibility;
  @ApiProperty({ isArray: true, type: String, format: 'uuid', description: 'With visibility "agencies": the agencies besides the reporting one that may see it' }) visibleAgencyIds: string[];
  @ApiProperty({ type: SensitivePlaceRefDto, nullable: true, description: 'The nearest particularly sensitive place within the configured radius' })
  nearestSensitivePlace: SensitivePlaceRefDto | null;
  @ApiProperty() withdrawn: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawalReason: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class DevelopmentPageDto extends PageOf(DevelopmentResponseDto) {}

export class TrendBucketDto {
  @ApiProperty({ description: 'Berlin date the bucket starts (Monday for weeks, the 1st for months)' }) bucket: string;
  @ApiProperty({ format: 'date-time' }) start: string;
}

export class TrendPointDto {
  @ApiProperty({ description: 'The bucket (Berlin date)' }) bucket: string;
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: 'integer', description: 'Count in the bucket before' }) previous: number;
  @ApiProperty({ type: 'integer' }) change: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Change in percent; null when the bucket before was empty' }) changePercent: number | null;
}

export class TrendSeriesDto {
  @ApiProperty({ enum: DEVELOPMENT_CATEGORIES }) category: DevelopmentCategory;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The district or place; null: none' }) groupId: string | null;
  @ApiProperty({ type: String, nullable: true }) groupName: string | null;
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: TrendPointDto, isArray: true }) points: TrendPointDto[];
}

export class TrendsResponseDto {
  @ApiProperty({ enum: ['week', 'month'] }) interval: 'week' | 'month';
  @ApiProperty({ enum: ['district', 'place'] }) groupBy: 'district' | 'place';
  @ApiProperty({ enum: DEVELOPMENT_MEASURES, description: DEVELOPMENT_MEASURE_DOC }) measure: DevelopmentMeasure;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ type: TrendBucketDto, isArray: true }) buckets: TrendBucketDto[];
  @ApiProperty({ type: TrendSeriesDto, isArray: true }) series: TrendSeriesDto[];
}

export class AgencySummaryDto {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Category -> count (categories without developments left out)' })
  byCategory: Partial<Record<DevelopmentCategory, number>>;
}

export class SummaryResponseDto {
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty({ format: 'date-time' }) until: string;
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: AgencySummaryDto, isArray: true }) agencies: AgencySummaryDto[];
}

/** The view already holds the answer's shape and names; only the times become ISO 8601 text. */
export function toDevelopmentResponse(d: DevelopmentView): DevelopmentResponseDto {
  return {
    id: d.id,
    category: d.category,
    observedAt: d.observedAt.toISOString(),
    place: d.place,
    lat: d.lat,
    lon: d.lon,
    district: d.district,
    count: d.count,
    substances: d.substances,
    severity: d.severity,
    description: d.description,
    reportingAgency: d.reportingAgency,
    reporterId: d.reporterId,
    visibility: d.visibility,
    visibleAgencyIds: d.visibleAgencyIds,
    nearestSensitivePlace: d.nearestSensitivePlace,
    withdrawn: d.withdrawnAt !== null,
    withdrawnAt: d.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: d.withdrawalReason,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function toTrendResponse(t: TrendResult): TrendsResponseDto {
  return {
    interval: t.interval,
    groupBy: t.groupBy,
    measure: t.measure,
    from: t.from.toISOString(),
    to: t.to.toISOString(),
    buckets: t.buckets.map((b) => ({ bucket: b.bucket, start: b.start.toISOString() })),
    series: t.series,
  };
}

export function toSummaryResponse(s: { since: Date; until: Date; total: number; agencies: AgencySummary[] }): SummaryResponseDto {
  return { since: s.since.toISOString(), until: s.until.toISOString(), total: s.total, agencies: s.agencies };
}
