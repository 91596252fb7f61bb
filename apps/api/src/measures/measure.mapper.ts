import { ApiProperty } from '@nestjs/swagger';
import { DEVELOPMENT_CATEGORIES, type DevelopmentCategory } from '#domain/developments/development-enums.js';
import { DEVELOPMENT_MEASURE_DOC, DEVELOPMENT_MEASURES, type DevelopmentMeasure } from '#domain/developments/development-measure.js';
import { KEY_FIGURE_PERIODS, TARGET_KINDS, type KeyFigurePeriod, type TargetKind } from '#domain/key-figures/key-figure-rules.js';
import { MEASURE_EVENT_KINDS, type MeasureEvent, type MeasureEventKind } from '#domain/measures/measure-event.entity.js';
import { allowedTransitions, MEASURE_PRIORITIES, MEASURE_STATUSES, overdueInfo, type MeasurePriority, type MeasureStatus } from '#domain/measures/measure-status.js';
import type { KeyFigureDefinitionView, MeasureView, MilestoneView } from '#domain/measures/measure-view.js';
import { PageOf } from '../common/page.dto.js';
import { AgencyRefDto, NamedRefDto, PersonRefDto } from '../common/ref.dto.js';
import { NO_PERSONAL_DATA } from './dto/measure.dto.js';

export class MeasureActorDto extends PersonRefDto {
  @ApiProperty({ format: 'uuid' }) agencyId: string;
}

export class MilestoneResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Berlin date' }) dueDate: string;
  @ApiProperty() done: boolean;
  @ApiProperty({ nullable: true, type: String }) doneAt: string | null;
  @ApiProperty() version: number;
}

export class KeyFigurePointResponseDto {
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
  @ApiProperty() radiusM: number;
}

export class KeyFigureTargetDto {
  @ApiProperty({ enum: TARGET_KINDS }) kind: TargetKind;
  @ApiProperty() value: number;
  @ApiProperty({ description: 'Berlin date' }) date: string;
}

export class KeyFigureDefinitionDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DEVELOPMENT_CATEGORIES, isArray: true }) categories: DevelopmentCategory[];
  @ApiProperty({ isArray: true, type: String }) placeIds: string[];
  @ApiProperty({ isArray: true, type: String }) districtIds: string[];
  @ApiProperty({ type: KeyFigurePointResponseDto, nullable: true }) point: KeyFigurePointResponseDto | null;
  @ApiProperty() bufferFactor: number;
  @ApiProperty({ nullable: true, type: String }) controlDistrictId: string | null;
  @ApiProperty({ enum: KEY_FIGURE_PERIODS }) period: KeyFigurePeriod;
  @ApiProperty({ enum: DEVELOPMENT_MEASURES, description: DEVELOPMENT_MEASURE_DOC }) measure: DevelopmentMeasure;
  @ApiProperty() baselinePeriods: number;
  @ApiProperty({ type: KeyFigureTargetDto }) target: KeyFigureTargetDto;
  @ApiProperty() version: number;
}

export class MeasureResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: `Free text. ${NO_PERSONAL_DATA}` }) description: string;
  @ApiProperty({ enum: MEASURE_STATUSES }) status: MeasureStatus;
  @ApiProperty({ enum: MEASURE_STATUSES, isArray: true, description: 'Statuses it may move to next (the workflow; who may is a separate rule)' }) allowedTransitions: MeasureStatus[];
  @ApiProperty({ nullable: true, type: String, description: 'Why it is blocked or cancelled' }) statusReason: string | null;
  @ApiProperty({ nullable: true, type: String }) completionNote: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty() statusChangedAt: string;
  @ApiProperty({ enum: MEASURE_PRIORITIES }) priority: MeasurePriority;
  @ApiProperty({ type: AgencyRefDto }) owningAgency: AgencyRefDto;
  @ApiProperty({ type: PersonRefDto }) responsible: PersonRefDto;
  @ApiProperty({ type: PersonRefDto, nullable: true }) deputy: PersonRefDto | null;
  @ApiProperty({ description: 'Berlin date' }) startDate: string;
  @ApiProperty({ description: 'Berlin date' }) deadline: string;
  @ApiProperty({ description: 'Derived: open and the deadline lies before today (Berlin)' }) overdue: boolean;
  @ApiProperty() daysOverdue: number;
  @ApiProperty({ type: NamedRefDto, isArray: true }) places: NamedRefDto[];
  @ApiProperty({ type: NamedRefDto, isArray: true }) districts: NamedRefDto[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) rapportId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) agendaItemId: string | null;
  @ApiProperty({ type: MilestoneResponseDto, isArray: true }) milestones: MilestoneResponseDto[];
  @ApiProperty({ type: KeyFigureDefinitionDto, isArray: true, description: 'Definitions; the figures: GET /measures/{id}/key-figures' }) keyFigures: KeyFigureDefinitionDto[];
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class MeasurePageDto extends PageOf(MeasureResponseDto) {}

export class MeasureEventDto {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty({ enum: MEASURE_EVENT_KINDS }) kind: MeasureEventKind;
  @ApiProperty({ type: MeasureActorDto }) actor: MeasureActorDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Field -> {old, new}; free-text fields only {changed: true}' }) changes: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'Progress note, status reason or completion note' }) note: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The milestone or key figure concerned' }) subjectId: string | null;
}

export class MeasureHistoryPageDto extends PageOf(MeasureEventDto) {}

export function toMilestoneResponse(m: MilestoneView): MilestoneResponseDto {
  return { id: m.id, title: m.title, dueDate: m.dueDate, done: m.done, doneAt: m.doneAt ? m.doneAt.toISOString() : null, version: m.version };
}

export function toKeyFigureDefinition(k: KeyFigureDefinitionView): KeyFigureDefinitionDto {
  return {
    id: k.id, name: k.name, categories: k.categories, placeIds: k.placeIds, districtIds: k.districtIds,
    point: k.centerLat !== null && k.centerLon !== null && k.radiusM !== null ? { lat: k.centerLat, lon: k.centerLon, radiusM: k.radiusM } : null,
    bufferFactor: k.bufferFactor, controlDistrictId: k.controlDistrictId, period: k.period, measure: k.measure, baselinePeriods: k.baselinePeriods,
    target: { kind: k.targetKind, value: k.targetValue, date: k.targetDate }, version: k.version,
  };
}

export function toMeasureResponse(v: MeasureView): MeasureResponseDto {
  const m = v.measure;
  const { overdue, daysOverdue } = overdueInfo(m.status, m.deadline, v.today);
  return {
    id: m.id, title: m.title, description: m.description, status: m.status, allowedTransitions: allowedTransitions(m.status),
    statusReason: m.statusReason, completionNote: m.completionNote, completedAt: m.completedAt ? m.completedAt.toISOString() : null,
    statusChangedAt: m.statusChangedAt.toISOString(), priority: m.priority,
    owningAgency: v.owningAgency, responsible: v.responsible, deputy: v.deputy,
    startDate: m.startDate, deadline: m.deadline, overdue, daysOverdue,
    places: v.places, districts: v.districts, rapportId: m.rapportId, agendaItemId: m.agendaItemId,
    milestones: v.milestones.map(toMilestoneResponse), keyFigures: v.keyFigures.map(toKeyFigureDefinition),
    createdBy: m.createdBy, createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(), version: m.version,
  };
}

export function toMeasureEvent(e: MeasureEvent): MeasureEventDto {
  return {
    id: String(e.id), at: e.at.toISOString(), kind: e.kind,
    actor: { id: e.actorId, displayName: e.actor?.displayName ?? '', agencyId: e.actor?.agencyId ?? '' },
    changes: e.changes, note: e.note, subjectId: e.subjectId,
  };
}
