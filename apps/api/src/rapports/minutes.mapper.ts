import { ApiProperty } from '@nestjs/swagger';
import { MEASURE_STATUSES, type MeasureStatus } from '#domain/measures/measure-status.js';
import type { MinutesEntry } from '#domain/rapports/minutes-entry.entity.js';
import type { Measure } from '#domain/measures/measure.entity.js';
import type { MinutesView } from '#domain/rapports/minutes.service.js';
import { ATTENDANCES, type Attendance } from '#domain/rapports/rapport-invitation.entity.js';
import { RAPPORT_KINDS, RAPPORT_STATUSES, type RapportKind, type RapportStatus } from '#domain/rapports/rapport-status.js';
import { NamedRefDto, PersonRefDto } from '../common/ref.dto.js';
import { AgendaCategoryCountDto, AgendaPeriodDto } from './agenda.mapper.js';

export class MinutesEntryResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() rapportId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The agenda item the entry is written under; null for a free entry' }) agendaItemId: string | null;
  @ApiProperty() revision: number;
  @ApiProperty({ description: 'Order within the minutes, from 1' }) position: number;
  @ApiProperty({ nullable: true, type: String }) heading: string | null;
  @ApiProperty() notes: string;
  @ApiProperty() decisions: string;
  @ApiProperty({ nullable: true, type: String, description: 'The entry of the previous revision this one replaces' }) previousId: string | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'Send it when editing the entry (If-Match or body)' }) version: number;
}

export class MinutesAttendanceDto {
  @ApiProperty({ type: PersonRefDto }) person: PersonRefDto;
  @ApiProperty({ enum: ATTENDANCES, nullable: true, description: 'null: not recorded' }) attendance: Attendance | null;
}

export class MinutesMeasureDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: NamedRefDto, description: 'The owning agency' }) owningAgency: NamedRefDto;
  @ApiProperty({ type: PersonRefDto }) responsible: PersonRefDto;
  @ApiProperty({ description: 'Berlin date' }) deadline: string;
  @ApiProperty({ enum: MEASURE_STATUSES }) status: MeasureStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The agenda item it was agreed under' }) agendaItemId: string | null;
}

export class MinutesAgendaItemDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Position on the agenda, 0-based' }) position: number;
}

export class MinutesSituationDto {
  @ApiProperty({ type: AgendaPeriodDto }) period: AgendaPeriodDto;
  @ApiProperty({ type: AgendaCategoryCountDto, isArray: true, description: 'Per category with a count or a previous count; only what you may see' }) categories: AgendaCategoryCountDto[];
}

export class MinutesEntryWithItemDto extends MinutesEntryResponseDto {
  @ApiProperty({ type: MinutesAgendaItemDto, nullable: true, description: 'null for a free entry' }) agendaItem: MinutesAgendaItemDto | null;
  @ApiProperty({ type: MinutesMeasureDto, isArray: true, description: 'The measures agreed under this entry\'s agenda item' }) measures: MinutesMeasureDto[];
  @ApiProperty({ type: MinutesSituationDto, nullable: true, description: 'Under a district item: the situation as the agenda shows it to you (counted from what you may see); null otherwise' }) situation: MinutesSituationDto | null;
}

export class MinutesResponseDto {
  @ApiProperty() rapportId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: RAPPORT_KINDS }) kind: RapportKind;
  @ApiProperty() startsAt: string;
  @ApiProperty() location: string;
  @ApiProperty({ nullable: true, type: String, description: 'The goal statement of an extended rapport; null for a regular one' }) goal: string | null;
  @ApiProperty({ enum: RAPPORT_STATUSES }) status: RapportStatus;
  @ApiProperty({ description: 'Read-only once published' }) published: boolean;
  @ApiProperty({ description: 'The revision shown' }) revision: number;
  @ApiProperty({ description: 'The highest revision' }) latestRevision: number;
  @ApiProperty({ type: MinutesAttendanceDto, isArray: true }) attendance: MinutesAttendanceDto[];
  @ApiProperty({ type: MinutesEntryWithItemDto, isArray: true }) entries: MinutesEntryWithItemDto[];
  @ApiProperty({ type: MinutesMeasureDto, isArray: true, description: 'Every measure agreed in this meeting (under an agenda item or not)' }) measures: MinutesMeasureDto[];
}

export function toMinutesEntryResponse(e: MinutesEntry): MinutesEntryResponseDto {
  return {
    id: e.id, rapportId: e.rapportId, agendaItemId: e.agendaItemId, revision: e.revision, position: e.position, heading: e.heading, notes: e.notes, decisions: e.decisions,
    previousId: e.previousId, updatedAt: e.updatedAt.toISOString(), version: e.version,
  };
}

export function toMinutesResponse(v: MinutesView): MinutesResponseDto {
  const r = v.rapport;
  return {
    rapportId: r.id, title: r.title, kind: r.kind, startsAt: r.startsAt.toISOString(), location: r.location, goal: r.goal, status: r.status,
    published: v.published, revision: v.revision, latestRevision: v.latestRevision,
    attendance: v.attendance.map((i) => ({ person: { id: i.personId, displayName: i.person?.displayName ?? '' }, attendance: i.attendance })),
    entries: v.entries.map((e) => ({
      ...toMinutesEntryResponse(e.entry), agendaItem: e.agendaItem, measures: e.measures.map(toMinutesMeasure),
      situation: e.situation ? {
        period: { since: e.situation.period.since.toISOString(), until: e.situation.period.until.toISOString(), previousSince: e.situation.period.previousSince.toISOString() },
        categories: e.situation.categories,
      } : null,
    })),
    measures: v.measures.map(toMinutesMeasure),
  };
}

function toMinutesMeasure(m: Measure): MinutesMeasureDto {
  return {
    id: m.id, title: m.title, owningAgency: { id: m.owningAgencyId, name: m.owningAgency?.name ?? '' },
    responsible: { id: m.responsibleId, displayName: m.responsible?.displayName ?? '' }, deadline: m.deadline, status: m.status, agendaItemId: m.agendaItemId,
  };
}
