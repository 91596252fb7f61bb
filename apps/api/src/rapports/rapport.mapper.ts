import { ApiProperty } from '@nestjs/swagger';
import { ATTENDANCES, INVITATION_RESPONSES, INVITATION_VIAS, type Attendance, type InvitationResponse, type InvitationVia, type RapportInvitation } from '#domain/rapports/rapport-invitation.entity.js';
import type { SeriesView } from '#domain/rapports/rapport-series.service.js';
import { allowedRapportTransitions, RAPPORT_KINDS, RAPPORT_STATUSES, type RapportKind, type RapportStatus } from '#domain/rapports/rapport-status.js';
import type { RapportView } from '#domain/rapports/rapports.service.js';
import { PageOf } from '../common/page.dto.js';
import { AgencyRefDto, PersonRefDto } from '../common/ref.dto.js';

export class SeriesResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: AgencyRefDto, isArray: true }) agencies: AgencyRefDto[];
  @ApiProperty({ example: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU' }) rrule: string;
  @ApiProperty({ description: 'Berlin date' }) startDate: string;
  @ApiProperty({ description: 'Wall-clock time HH:MM in timeZone' }) startTime: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone: string;
  @ApiProperty() location: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class SeriesPageDto extends PageOf(SeriesResponseDto) {}

export class InvitationResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: PersonRefDto }) person: PersonRefDto;
  @ApiProperty({ enum: INVITATION_VIAS, description: 'Invited as a liaison of a participating agency, by name, or as a deputy sent by another invitee' }) via: InvitationVia;
  @ApiProperty({ nullable: true, type: String, description: 'The participating agency (via agency)' }) agencyId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The invitation that sent this deputy (via deputy)' }) delegatedFromId: string | null;
  @ApiProperty({ enum: INVITATION_RESPONSES }) response: InvitationResponse;
  @ApiProperty({ nullable: true, type: String }) respondedAt: string | null;
  @ApiProperty({ enum: ATTENDANCES, nullable: true }) attendance: Attendance | null;
}

export class RapportResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: RAPPORT_KINDS }) kind: RapportKind;
  @ApiProperty({ nullable: true, type: String }) seriesId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The series' slot this meeting was planned for; it stays when the meeting is moved" }) occurrenceStart: string | null;
  @ApiProperty() title: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() location: string;
  @ApiProperty({ nullable: true, type: String, description: 'The goal statement of an extended rapport; null for a regular one' }) goal: string | null;
  @ApiProperty({ enum: RAPPORT_STATUSES }) status: RapportStatus;
  @ApiProperty({ enum: RAPPORT_STATUSES, isArray: true, description: 'Statuses it may move to next' }) allowedTransitions: RapportStatus[];
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ type: AgencyRefDto, isArray: true }) agencies: AgencyRefDto[];
  @ApiProperty({ type: InvitationResponseDto, isArray: true }) invitations: InvitationResponseDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class RapportPageDto extends PageOf(RapportResponseDto) {}

export function toSeriesResponse(v: SeriesView): SeriesResponseDto {
  const s = v.series;
  return {
    id: s.id, title: s.title, agencies: v.agencies, rrule: s.rrule, startDate: s.startDate, startTime: s.startTime, timeZone: s.timeZone,
    location: s.location, durationMinutes: s.durationMinutes, active: s.active, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString(), version: s.version,
  };
}

function toInvitation(i: RapportInvitation): InvitationResponseDto {
  return {
    id: i.id, person: { id: i.personId, displayName: i.person?.displayName ?? '' }, via: i.via, agencyId: i.agencyId, delegatedFromId: i.delegatedFromId,
    response: i.response, respondedAt: i.respondedAt ? i.respondedAt.toISOString() : null, attendance: i.attendance,
  };
}

export function toRapportResponse(v: RapportView): RapportResponseDto {
  const r = v.rapport;
  return {
    id: r.id, kind: r.kind, seriesId: r.seriesId, occurrenceStart: r.occurrenceStart ? r.occurrenceStart.toISOString() : null, title: r.title,
    startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), location: r.location, goal: r.goal, status: r.status, allowedTransitions: allowedRapportTransitions(r.status),
    cancelReason: r.cancelReason, agencies: v.agencies, invitations: v.invitations.map(toInvitation),
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), version: r.version,
  };
}
