import { ApiProperty } from '@nestjs/swagger';
import { DEVELOPMENT_CATEGORIES, type DevelopmentCategory } from '#domain/developments/development-enums.js';
import type { Development } from '#domain/developments/development.entity.js';
import { ESCALATION_REASONS, ESCALATION_STATUSES, RULE_SCOPE_KINDS, type EscalationReason, type EscalationStatus, type RuleScopeKind } from '#domain/escalations/escalation-enums.js';
import type { EscalationView } from '#domain/escalations/escalations.service.js';
import type { ThresholdRule } from '#domain/escalations/threshold-rule.entity.js';
import { PageOf } from '../common/page.dto.js';
import { AgencyRefDto, NamedRefDto, PersonRefDto } from '../common/ref.dto.js';

export class ThresholdRuleResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DEVELOPMENT_CATEGORIES, isArray: true }) categories: DevelopmentCategory[];
  @ApiProperty({ enum: RULE_SCOPE_KINDS }) scopeKind: RuleScopeKind;
  @ApiProperty({ type: NamedRefDto, nullable: true }) district: NamedRefDto | null;
  @ApiProperty({ type: NamedRefDto, nullable: true }) place: NamedRefDto | null;
  @ApiProperty({ type: 'integer' }) windowDays: number;
  @ApiProperty({ type: 'integer', nullable: true }) minCount: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) risePercent: number | null;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ThresholdRulePageDto extends PageOf(ThresholdRuleResponseDto) {}

export function toThresholdRuleResponse(r: ThresholdRule): ThresholdRuleResponseDto {
  return {
    id: r.id, name: r.name, categories: r.categories, scopeKind: r.scopeKind,
    district: r.district ? { id: r.district.id, name: r.district.name } : null,
    place: r.place ? { id: r.place.id, name: r.place.name } : null,
    windowDays: r.windowDays, minCount: r.minCount, risePercent: r.risePercent, active: r.active,
    version: r.version, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** A linked development in short; only those the reader may see are listed. */
export class LinkedDevelopmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DEVELOPMENT_CATEGORIES }) category: DevelopmentCategory;
  @ApiProperty() observedAt: string;
  @ApiProperty({ type: NamedRefDto, nullable: true }) place: NamedRefDto | null;
  @ApiProperty({ type: NamedRefDto, nullable: true }) district: NamedRefDto | null;
  @ApiProperty({ type: 'integer', nullable: true }) count: number | null;
  @ApiProperty({ minimum: 1, maximum: 5 }) severity: number;
  @ApiProperty({ type: AgencyRefDto }) reportingAgency: AgencyRefDto;
  @ApiProperty() withdrawn: boolean;
}

export class EscalationRuleRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: RULE_SCOPE_KINDS }) scopeKind: RuleScopeKind;
  @ApiProperty({ type: 'integer' }) windowDays: number;
  @ApiProperty({ type: 'integer', nullable: true }) minCount: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) risePercent: number | null;
}

export class EscalationScopeDto extends NamedRefDto {
  @ApiProperty({ enum: ['district', 'place'], description: 'place also for a sensitive-places rule: the sensitive place concerned' }) kind: 'district' | 'place';
}

export class DismissalDto {
  @ApiProperty() at: string;
  @ApiProperty({ format: 'uuid' }) byId: string;
  @ApiProperty() reason: string;
}

export class EscalationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ESCALATION_REASONS }) reason: EscalationReason;
  @ApiProperty({ type: String, nullable: true, description: 'The raiser\'s statement; null for a threshold rule\'s proposal' }) text: string | null;
  @ApiProperty({ enum: ESCALATION_STATUSES }) status: EscalationStatus;
  @ApiProperty({ type: PersonRefDto, nullable: true, description: 'null: proposed by a threshold rule' }) raisedBy: PersonRefDto | null;
  @ApiProperty({ type: AgencyRefDto, nullable: true }) raisedByAgency: AgencyRefDto | null;
  @ApiProperty({ type: EscalationRuleRefDto, nullable: true, description: 'The threshold rule that proposed it' }) rule: EscalationRuleRefDto | null;
  @ApiProperty({ type: EscalationScopeDto, nullable: true, description: 'For a rule\'s proposal: the district or place it concerns' }) scope: EscalationScopeDto | null;
  @ApiProperty({ type: LinkedDevelopmentDto, isArray: true, description: 'The linked developments YOU may see; others are left out and not counted' })
  developments: LinkedDevelopmentDto[];
  @ApiProperty({ type: DismissalDto, nullable: true }) dismissal: DismissalDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The extended rapport convened for it (convened and resolved; cleared when that rapport is cancelled and the escalation returns to proposed)' }) rapportId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Dismissed as merged into this escalation: it returned to proposed (its extended rapport was cancelled) and took this newer proposal of the same rule and scope over' }) mergedIntoId: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class EscalationPageDto extends PageOf(EscalationResponseDto) {}

function toLinked(d: Development): LinkedDevelopmentDto {
  return {
    id: d.id, category: d.category, observedAt: d.observedAt.toISOString(),
    place: d.place ? { id: d.place.id, name: d.place.name } : null,
    district: d.district ? { id: d.district.id, name: d.district.name } : null,
    count: d.count, severity: d.severity,
    reportingAgency: { id: d.reportingAgency!.id, code: d.reportingAgency!.code, name: d.reportingAgency!.name },
    withdrawn: d.withdrawnAt !== null,
  };
}

export function toEscalationResponse(v: EscalationView): EscalationResponseDto {
  const e = v.escalation;
  return {
    id: e.id, reason: e.reason, text: e.text, status: e.status,
    raisedBy: e.raiser ? { id: e.raiser.id, displayName: e.raiser.displayName } : null,
    raisedByAgency: e.raiserAgency ? { id: e.raiserAgency.id, code: e.raiserAgency.code, name: e.raiserAgency.name } : null,
    rule: e.rule ? { id: e.rule.id, name: e.rule.name, scopeKind: e.rule.scopeKind, windowDays: e.rule.windowDays, minCount: e.rule.minCount, risePercent: e.rule.risePercent } : null,
    scope: v.scope,
    developments: v.developments.map(toLinked),
    dismissal: e.dismissedAt && e.dismissedBy && e.dismissalReason !== null ? { at: e.dismissedAt.toISOString(), byId: e.dismissedBy, reason: e.dismissalReason } : null,
    rapportId: e.rapportId,
    mergedIntoId: e.mergedIntoId,
    version: e.version, createdAt: e.createdAt.toISOString(), updatedAt: e.updatedAt.toISOString(),
  };
}
