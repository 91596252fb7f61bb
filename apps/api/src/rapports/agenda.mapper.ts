import { ApiProperty } from '@nestjs/swagger';
import { DEVELOPMENT_CATEGORIES, type DevelopmentCategory } from '#domain/developments/development-enums.js';
import { ESCALATION_REASONS, ESCALATION_STATUSES, type EscalationReason, type EscalationStatus } from '#domain/escalations/escalation-enums.js';
import { KEY_FIGURE_STATUSES, type KeyFigureStatus } from '#domain/key-figures/key-figure-rules.js';
import { MEASURE_STATUSES, type MeasureStatus } from '#domain/measures/measure-status.js';
import { AGENDA_ITEM_KINDS, type AgendaItemKind } from '#domain/rapports/agenda-item.entity.js';
import type { AgendaView } from '#domain/rapports/agenda.service.js';

export class AgendaDistrictDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class AgendaPeriodDto {
  @ApiProperty({ description: 'Start of the period: the start of the last held rapport of the series, or 60 days before convening' }) since: string;
  @ApiProperty({ description: 'End of the period (exclusive): when the meeting was convened' }) until: string;
  @ApiProperty({ description: 'Start of the period before, of equal length, ending at since' }) previousSince: string;
}

export class AgendaCategoryCountDto {
  @ApiProperty({ enum: DEVELOPMENT_CATEGORIES }) category: DevelopmentCategory;
  @ApiProperty({ description: 'Developments of the item in the period that you may see' }) count: number;
  @ApiProperty({ description: 'Developments of the district in the period before that you may see' }) previous: number;
  @ApiProperty() change: number;
}

export class AgendaMeasureDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Berlin date' }) deadline: string;
  @ApiProperty({ enum: MEASURE_STATUSES }) status: MeasureStatus;
}

export class AgendaEscalationDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ESCALATION_REASONS }) reason: EscalationReason;
  @ApiProperty({ enum: ESCALATION_STATUSES }) status: EscalationStatus;
}

export class AgendaKeyFigureFlagDto {
  @ApiProperty() measureId: string;
  @ApiProperty() keyFigureId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: KEY_FIGURE_STATUSES, description: 'As counted from the developments you may see' }) status: KeyFigureStatus;
  @ApiProperty({ description: 'The displacement watch suspects displacement, as counted from the developments you may see' }) displacementSuspected: boolean;
}

export class AgendaItemResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: "The item's version: send it when retitling (If-Match or body)" }) version: number;
  @ApiProperty({ description: '0-based' }) position: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS, description: 'district, measures, escalations and key_figures are generated on convene; custom ones are added by coordinators' }) kind: AgendaItemKind;
  @ApiProperty({ type: AgendaDistrictDto, nullable: true }) district: AgendaDistrictDto | null;
  @ApiProperty({ type: AgendaPeriodDto, nullable: true }) period: AgendaPeriodDto | null;
  @ApiProperty({ type: AgendaCategoryCountDto, isArray: true, description: 'Per category with a count or a previous count; only what you may see' }) categories: AgendaCategoryCountDto[];
  @ApiProperty({ isArray: true, type: String, description: 'The developments of the item that you may see' }) developmentIds: string[];
  @ApiProperty({ type: AgendaMeasureDto, isArray: true, description: 'measures: due or overdue; key_figures: those with a key figure off track or flagged by the displacement watch as counted for you' }) measures: AgendaMeasureDto[];
  @ApiProperty({ type: AgendaEscalationDto, isArray: true, description: 'Only the escalations you may read' }) escalations: AgendaEscalationDto[];
  @ApiProperty({ type: AgendaKeyFigureFlagDto, isArray: true, description: 'key_figures item: the flagged key figures of its measures, counted from what you may see' }) keyFigures: AgendaKeyFigureFlagDto[];
}

export class AgendaResponseDto {
  @ApiProperty() rapportId: string;
  @ApiProperty({ description: 'The version of the agenda as a whole (also the ETag): rises with every change; send it when reordering' }) version: number;
  @ApiProperty({ type: AgendaItemResponseDto, isArray: true }) items: AgendaItemResponseDto[];
}

export function toAgendaResponse(v: AgendaView): AgendaResponseDto {
  return {
    rapportId: v.rapportId,
    version: v.version,
    items: v.items.map((i) => ({
      id: i.id, version: i.version, position: i.position, title: i.title, kind: i.kind, district: i.district,
      period: i.period ? { since: i.period.since.toISOString(), until: i.period.until.toISOString(), previousSince: i.period.previousSince.toISOString() } : null,
      categories: i.categories, developmentIds: i.developmentIds, measures: i.measures, escalations: i.escalations, keyFigures: i.keyFigures,
    })),
  };
}
