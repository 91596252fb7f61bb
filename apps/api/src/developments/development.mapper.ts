import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEVELOPMENT_CATEGORIES, VISIBILITIES, type DevelopmentCategory, type Visibility } from '#domain/developments/development-enums.js';
import type { Development } from '#domain/developments/development.entity.js';
import type { AgencySummary, TrendResult } from '#domain/developments/development-trends.service.js';
import { NO_PERSONAL_DATA } from './dto/development.dto.js';

export class NamedRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class AgencyRefDto extends NamedRefDto {
  @ApiProperty() code: string;
}

export class SensitivePlaceRefDto extends NamedRefDto {
  @ApiProperty({ nullable: true }) sensitiveKind: string | null;
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
  @ApiProperty({ nullable: true }) count: number | null;
  @ApiProperty({ isArray: true, type: String }) substances: string[];
  @ApiProperty({ minimum: 1, maximum: 5 }) severity: number;
  @ApiProperty({ description: `Free text. ${NO_PERSONAL_DATA}` }) description: string;
  @ApiProperty({ type: AgencyRefDto }) reportingAgency: AgencyRefDto;
  @ApiProperty() reporterId: string;
  @ApiProperty({ enum: VISIBILITIES }) visibility: Visibility;
  @ApiProperty({ isArray: true, type: String }) visibleAgencyIds: string[];
  @ApiProperty({ type: SensitivePlaceRefDto, nullable: true, description: 'The nearest particularly sensitive place within the configured radius' })
  nearestSensitivePlace: SensitivePlaceRefDto | null;
  @ApiProperty() withdrawn: boolean;
  @ApiPropertyOptional({ nullable: true }) withdrawnAt: string | null;
  @ApiPropertyOptional({ nullable: true }) withdrawalReason: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class DevelopmentPageDto {
  @ApiProperty({ type: DevelopmentResponseDto, isArray: true }) items: DevelopmentResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** Needs the relations place, district, reportingAgency and nearestSensitivePlace loaded. */
export function toDevelopmentResponse(d: Development): DevelopmentResponseDto {
  const nsp = d.nearestSensitivePlace;
  return {
    id: d.id,
    category: d.category,
    observedAt: d.observedAt.toISOString(),
    place: d.place ? { id: d.place.id, name: d.place.name } : null,
    lat: d.lat,
    lon: d.lon,
    district: d.district ? { id: d.district.id, name: d.district.name } : null,
    count: d.count,
    substances: d.substances,
    severity: d.severity,
    description: d.description,
    reportingAgency: { id: d.reportingAgencyId, name: d.reportingAgency?.name ?? '', code: d.reportingAgency?.code ?? '' },
    reporterId: d.reporterId,
    visibility: d.visibility,
    visibleAgencyIds: d.visibleAgencyIds,
    nearestSensitivePlace: nsp && d.nearestSensitiveDistanceM !== null
      ? { id: nsp.id, name: nsp.name, sensitiveKind: nsp.sensitiveKind, distanceM: d.nearestSensitiveDistanceM } : null,
    withdrawn: d.withdrawnAt !== null,
    withdrawnAt: d.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: d.withdrawalReason,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function toTrendResponse(t: TrendResult) {
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

export function toSummaryResponse(s: { since: Date; until: Date; total: number; agencies: AgencySummary[] }) {
  return { since: s.since.toISOString(), until: s.until.toISOString(), total: s.total, agencies: s.agencies };
}
