import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { DEVELOPMENT_CATEGORIES, type DevelopmentCategory } from '#domain/developments/development-enums.js';
import { ESCALATION_REASONS, ESCALATION_STATUSES, RULE_SCOPE_KINDS, type EscalationReason, type EscalationStatus, type RuleScopeKind } from '#domain/escalations/escalation-enums.js';
import { MAX_LINKED_DEVELOPMENTS } from '#domain/escalations/escalations.service.js';
import { IsTimestamp } from '../../common/date-input.decorator.js';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { QueryBoolean } from '../../common/query-boolean.decorator.js';
import { RequiredText } from '../../common/required-text.decorator.js';

const NO_PERSONAL_DATA = 'No personal data about drug users.';

export class RaiseEscalationDto {
  @ApiProperty({ enum: ESCALATION_REASONS })
  @IsIn(ESCALATION_REASONS)
  reason: EscalationReason;

  @ApiProperty({ maxLength: 1000, description: `A short statement of the situation. ${NO_PERSONAL_DATA}` })
  @RequiredText(1000)
  text: string;

  @ApiProperty({ type: String, format: 'uuid', isArray: true, minItems: 1, maxItems: MAX_LINKED_DEVELOPMENTS, description: 'The developments that show it; each must be one you may see and not withdrawn' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_LINKED_DEVELOPMENTS) @IsUUID('all', { each: true })
  developmentIds: string[];
}

export class DismissEscalationDto {
  @ApiProperty({ maxLength: 1000, description: `Why no extended rapport is needed. ${NO_PERSONAL_DATA}` })
  @RequiredText(1000)
  reason: string;

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused (409)' })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

export class ConveneEscalationDto {
  @ApiProperty({ maxLength: 300, example: 'Erweiterter Drogenrapport Hauptbahnhof' }) @RequiredText(300)
  title: string;

  @ApiProperty({ maxLength: 2000, description: `The goal statement: what the extended rapport is to achieve. ${NO_PERSONAL_DATA}` }) @RequiredText(2000)
  goal: string;

  @ApiProperty({ description: 'Must lie in the future (422 MEETING_IN_PAST)' }) @IsTimestamp()
  startsAt: string;

  @ApiProperty({ description: 'After startsAt' }) @IsTimestamp()
  endsAt: string;

  @ApiProperty({ maxLength: 300, example: 'Rathaus, Raum 204' }) @RequiredText(300)
  location: string;

  @ApiProperty({ isArray: true, type: String, description: 'The chosen agencies (active): their liaisons and their leadership are invited' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsUUID('all', { each: true })
  agencyIds: string[];

  @ApiPropertyOptional({ description: 'The version of the escalation you read (or If-Match); a stale version is refused (409)' })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

const ESCALATION_SORTS = ['createdAt'] as const;

export class ListEscalationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ESCALATION_STATUSES })
  @IsOptional() @IsIn(ESCALATION_STATUSES)
  status?: EscalationStatus;

  @ApiPropertyOptional({ enum: ESCALATION_SORTS, description: 'Default: newest first' })
  @IsOptional() @IsIn(ESCALATION_SORTS)
  sort?: (typeof ESCALATION_SORTS)[number];
}

const RULE_NOTE = 'Exactly one of minCount and risePercent.';

export class CreateThresholdRuleDto {
  @ApiProperty({ maxLength: 200, example: 'Spritzenfunde an Kitas' })
  @RequiredText(200)
  name: string;

  @ApiProperty({ enum: DEVELOPMENT_CATEGORIES, isArray: true, minItems: 1 })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(DEVELOPMENT_CATEGORIES.length) @IsIn(DEVELOPMENT_CATEGORIES, { each: true })
  categories: DevelopmentCategory[];

  @ApiProperty({ enum: RULE_SCOPE_KINDS, description: 'district: needs districtId; place: needs placeId; sensitive: developments stored near a particularly sensitive place (within SENSITIVE_PLACE_RADIUS_M), counted per sensitive place' })
  @IsIn(RULE_SCOPE_KINDS)
  scopeKind: RuleScopeKind;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional() @IsUUID()
  districtId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional() @IsUUID()
  placeId?: string | null;

  @ApiProperty({ minimum: 1, maximum: 366, description: 'The window in days, ending now (by observedAt)' })
  @IsInt() @Min(1) @Max(366)
  windowDays: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, nullable: true, description: `Fires when the window holds at least this many developments. ${RULE_NOTE}` })
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000)
  minCount?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, nullable: true, description: `Fires when the window holds at least this many percent more than the window before (which must hold at least one). ${RULE_NOTE}` })
  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  risePercent?: number | null;
}

export class UpdateThresholdRuleDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull() @RequiredText(200)
  name?: string;

  @ApiPropertyOptional({ enum: DEVELOPMENT_CATEGORIES, isArray: true, minItems: 1 })
  @IsOptionalNotNull() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(DEVELOPMENT_CATEGORIES.length) @IsIn(DEVELOPMENT_CATEGORIES, { each: true })
  categories?: DevelopmentCategory[];

  @ApiPropertyOptional({ enum: RULE_SCOPE_KINDS })
  @IsOptionalNotNull() @IsIn(RULE_SCOPE_KINDS)
  scopeKind?: RuleScopeKind;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional() @IsUUID()
  districtId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional() @IsUUID()
  placeId?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 366 })
  @IsOptionalNotNull() @IsInt() @Min(1) @Max(366)
  windowDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, nullable: true, description: `null clears it. ${RULE_NOTE}` })
  @ValidateIf((_: object, v: unknown) => v !== undefined && v !== null) @IsInt() @Min(1) @Max(1_000_000)
  minCount?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, nullable: true, description: `null clears it. ${RULE_NOTE}` })
  @ValidateIf((_: object, v: unknown) => v !== undefined && v !== null) @IsInt() @Min(1) @Max(100_000)
  risePercent?: number | null;

  @ApiPropertyOptional({ description: 'The version you read (or If-Match)' })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

const RULE_SORTS = ['createdAt'] as const;

export class ListThresholdRulesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean })
  @QueryBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: RULE_SORTS })
  @IsOptional() @IsIn(RULE_SORTS)
  sort?: (typeof RULE_SORTS)[number];
}
