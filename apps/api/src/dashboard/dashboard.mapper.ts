import { ApiProperty } from '@nestjs/swagger';
import { ESCALATION_REASONS, ESCALATION_STATUSES, type EscalationReason, type EscalationStatus } from '#domain/escalations/escalation-enums.js';
import type { OpenEscalationRef } from '#domain/escalations/escalations.service.js';
import type { Dashboard } from '#domain/measures/measure-dashboard.service.js';
import { RAPPORT_STATUSES, type RapportStatus } from '#domain/rapports/rapport-status.js';
import type { ExtendedRapportSummary } from '#domain/rapports/rapports.service.js';
import { MEASURE_PRIORITIES, MEASURE_STATUSES, type MeasurePriority, type MeasureStatus } from '#domain/measures/measure-status.js';
import { AgencyRefDto, PersonRefDto } from '../common/ref.dto.js';

export class MeasuresByStatusDto implements Record<MeasureStatus, number> {
  @ApiProperty({ type: 'integer' }) planned: number;
  @ApiProperty({ type: 'integer' }) in_progress: number;
  @ApiProperty({ type: 'integer' }) done: number;
  @ApiProperty({ type: 'integer' }) blocked: number;
  @ApiProperty({ type: 'integer' }) cancelled: number;
}

export class CompletionDto {
  @ApiProperty({ type: 'integer', description: 'Measures (not cancelled) whose deadline falls in the period' }) dueInPeriod: number;
  @ApiProperty({ type: 'integer', description: 'Of those, done' }) doneOfDue: number;
  @ApiProperty({ type: Number, nullable: true, description: 'doneOfDue / dueInPeriod; null when nothing was due' }) rate: number | null;
  @ApiProperty({ type: 'integer' }) completedInPeriod: number;
}

export class KeyFigureTallyDto {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) onTrack: number;
  @ApiProperty({ type: 'integer' }) offTrack: number;
  @ApiProperty({ type: 'integer' }) noData: number;
  @ApiProperty({ type: 'integer', description: 'Not yet evaluated for your agency (in none of the three above)' }) notEvaluated: number;
  @ApiProperty({ type: 'integer', description: 'Shown with their last status; developments or the definition changed since' }) stale: number;
}

export class DashboardCountsDto {
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: MeasuresByStatusDto }) byStatus: MeasuresByStatusDto;
  @ApiProperty({ type: 'integer' }) open: number;
  @ApiProperty({ type: 'integer' }) overdue: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null when nothing is overdue' }) maxDaysOverdue: number | null;
  @ApiProperty({ type: 'integer' }) dueNext14Days: number;
  @ApiProperty({ type: CompletionDto }) completion: CompletionDto;
  @ApiProperty({ type: KeyFigureTallyDto }) keyFigures: KeyFigureTallyDto;
  @ApiProperty({ type: 'integer', description: 'Measures (not cancelled) with a key figure flagged by the displacement watch' }) displacementFlagged: number;
}

export class AgencyDashboardDto extends DashboardCountsDto {
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
}

export class DashboardMeasureRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: MEASURE_STATUSES }) status: MeasureStatus;
  @ApiProperty({ enum: MEASURE_PRIORITIES }) priority: MeasurePriority;
  @ApiProperty({ description: 'Berlin date' }) deadline: string;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ type: PersonRefDto }) responsible: PersonRefDto;
  @ApiProperty({ type: 'integer', description: 'Overdue list: days past the deadline; upcoming list: days left (0 = due today)' }) days: number;
}

export class DisplacementFlagMeasureDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
}

export class DisplacementFlagKeyFigureDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class DisplacementFlagDto {
  @ApiProperty({ type: DisplacementFlagMeasureDto }) measure: DisplacementFlagMeasureDto;
  @ApiProperty({ type: DisplacementFlagKeyFigureDto }) keyFigure: DisplacementFlagKeyFigureDto;
  @ApiProperty({ type: Number, nullable: true }) wdq: number | null;
}

export class DashboardPeriodDto {
  @ApiProperty({ description: 'Berlin date, inclusive' }) from: string;
  @ApiProperty({ description: 'Berlin date, inclusive' }) to: string;
}

export class DashboardFiltersDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) districtId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) rapportId: string | null;
}

export class KeyFigureFreshnessDto {
  @ApiProperty({ type: 'integer', description: 'Key-figure results recomputed within this request' }) refreshedNow: number;
  @ApiProperty({ description: 'More were stale: a background refresh catches up' }) refreshingInBackground: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) oldestEvaluatedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) developmentsChangedAt: string | null;
}

export class DashboardEscalationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ESCALATION_REASONS }) reason: EscalationReason;
  @ApiProperty({ enum: ESCALATION_STATUSES }) status: EscalationStatus;
  @ApiProperty() createdAt: string;
}

export class OpenEscalationsDto {
  @ApiProperty({ type: 'integer', description: 'Proposed or convened escalations you may read (as GET /escalations)' }) count: number;
  @ApiProperty({ type: DashboardEscalationDto, isArray: true, description: 'The newest of them (at most 5)' }) newest: DashboardEscalationDto[];
}

export class ExtendedRapportDashboardDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() startsAt: string;
  @ApiProperty({ enum: RAPPORT_STATUSES }) status: RapportStatus;
  @ApiProperty({ type: MeasuresByStatusDto, description: 'Measures agreed there (measures with this rapportId), by status' }) measuresByStatus: MeasuresByStatusDto;
}

export class DashboardResponseDto {
  @ApiProperty({ description: 'Berlin date' }) today: string;
  @ApiProperty({ type: DashboardPeriodDto }) period: DashboardPeriodDto;
  @ApiProperty({ type: DashboardFiltersDto }) filters: DashboardFiltersDto;
  @ApiProperty({ type: DashboardCountsDto }) totals: DashboardCountsDto;
  @ApiProperty({ type: AgencyDashboardDto, isArray: true }) agencies: AgencyDashboardDto[];
  @ApiProperty({ type: DashboardMeasureRefDto, isArray: true }) overdueMeasures: DashboardMeasureRefDto[];
  @ApiProperty({ type: DashboardMeasureRefDto, isArray: true }) upcomingDeadlines: DashboardMeasureRefDto[];
  @ApiProperty({ type: DisplacementFlagDto, isArray: true }) displacementFlags: DisplacementFlagDto[];
  @ApiProperty({ type: KeyFigureFreshnessDto }) keyFigureFreshness: KeyFigureFreshnessDto;
  @ApiProperty({ type: OpenEscalationsDto, description: 'Not narrowed by the filters' }) openEscalations: OpenEscalationsDto;
  @ApiProperty({ type: ExtendedRapportDashboardDto, isArray: true, description: 'The extended rapports you may read, latest start first (at most 20); not narrowed by the filters' })
  extendedRapports: ExtendedRapportDashboardDto[];
}

export interface DashboardExtras {
  openEscalations: { count: number; newest: OpenEscalationRef[] };
  extendedRapports: ExtendedRapportSummary[];
}

/** The dashboard is already a plain read model; only the instants become ISO strings. The escalation and extended-rapport parts come from their own modules. */
export function toDashboardResponse(d: Dashboard, x: DashboardExtras): DashboardResponseDto {
  return {
    ...d,
    openEscalations: {
      count: x.openEscalations.count,
      newest: x.openEscalations.newest.map((e) => ({ id: e.id, reason: e.reason, status: e.status, createdAt: e.createdAt.toISOString() })),
    },
    extendedRapports: x.extendedRapports.map((r) => ({ id: r.id, title: r.title, startsAt: r.startsAt.toISOString(), status: r.status, measuresByStatus: r.measuresByStatus })),
    keyFigureFreshness: {
      refreshedNow: d.keyFigureFreshness.refreshedNow,
      refreshingInBackground: d.keyFigureFreshness.refreshingInBackground,
      oldestEvaluatedAt: d.keyFigureFreshness.oldestEvaluatedAt?.toISOString() ?? null,
      developmentsChangedAt: d.keyFigureFreshness.developmentsChangedAt?.toISOString() ?? null,
    },
  };
}
