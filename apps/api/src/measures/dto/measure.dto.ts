import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { MEASURE_PRIORITIES, MEASURE_STATUSES, type MeasurePriority, type MeasureStatus } from '#domain/measures/measure-status.js';
import type { MeasureFilter, MeasureInput, MeasurePatch } from '#domain/measures/measures.service.js';
import { IsCalendarDate } from '../../common/date-input.decorator.js';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { RequiredText } from '../../common/required-text.decorator.js';

// Dates are Berlin calendar days (IsCalendarDate). In bodies, IsOptionalNotNull: a field may be left
// out, and null is refused except where it clears something (IsOptional, "nullable" in the docs).
export const NO_PERSONAL_DATA = 'No personal data about drug users belongs here.';
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean)
    : Array.isArray(value) ? value.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean) : value;

export class MilestoneInputDto {
  @ApiProperty({ maxLength: 300, example: 'Angebot für die Mauererhöhung liegt vor' })
  @RequiredText(300)
  title: string;

  @ApiProperty({ example: '2026-05-15', description: 'Berlin date' })
  @IsCalendarDate()
  dueDate: string;
}

export class CreateMeasureDto {
  @ApiProperty({ maxLength: 300, example: 'Mauer an der Kita Sonnenschein erhöhen und abschrägen' })
  @RequiredText(300)
  title: string;

  @ApiPropertyOptional({ maxLength: 8000, description: `What was agreed (free text). ${NO_PERSONAL_DATA}` })
  @IsOptionalNotNull() @IsString() @MaxLength(8000)
  description?: string;

  @ApiProperty({ description: 'The agency that owns (carries out) the measure' })
  @IsUUID()
  owningAgencyId: string;

  @ApiProperty({ description: 'An active person of the owning agency' })
  @IsUUID()
  responsibleId: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Another active person of the owning agency' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID()
  deputyId?: string | null;

  @ApiProperty({ example: '2026-06-30', description: 'Berlin date, from today on; overdue from the day after' })
  @IsCalendarDate()
  deadline: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'Berlin date the measure starts (key-figure baselines end here); default today' })
  @IsOptionalNotNull() @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ enum: MEASURE_PRIORITIES, default: 'normal' })
  @IsOptionalNotNull() @IsIn(MEASURE_PRIORITIES)
  priority?: MeasurePriority;

  @ApiPropertyOptional({ isArray: true, type: String, description: 'Places it applies to' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  placeIds?: string[];

  @ApiPropertyOptional({ isArray: true, type: String, description: 'Districts it applies to' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  districtIds?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The rapport it was agreed in (must exist: 422 RAPPORT_NOT_FOUND)' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID()
  rapportId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The agenda item it was agreed under: an item of the rapport named in rapportId (else 422 AGENDA_ITEM_NOT_FOUND)' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID()
  agendaItemId?: string | null;

  @ApiPropertyOptional({ type: MilestoneInputDto, isArray: true, description: 'Milestones agreed with the measure' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => MilestoneInputDto)
  milestones?: MilestoneInputDto[];
}

/** Coordinators: edit and reassign. Send the version you read (body or If-Match). */
export class UpdateMeasureDto {
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptionalNotNull() @RequiredText(300)
  title?: string;

  @ApiPropertyOptional({ maxLength: 8000, description: NO_PERSONAL_DATA }) @IsOptionalNotNull() @IsString() @MaxLength(8000)
  description?: string;

  @ApiPropertyOptional({ description: 'Reassign to another agency (the responsible person must belong to it)' }) @IsOptionalNotNull() @IsUUID()
  owningAgencyId?: string;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsUUID()
  responsibleId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null removes the deputy' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID()
  deputyId?: string | null;

  @ApiPropertyOptional({ example: '2026-07-31', description: 'A new deadline must not lie in the past' })
  @IsOptionalNotNull() @IsCalendarDate()
  deadline?: string;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ enum: MEASURE_PRIORITIES }) @IsOptionalNotNull() @IsIn(MEASURE_PRIORITIES)
  priority?: MeasurePriority;

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  placeIds?: string[];

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  districtIds?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID()
  rapportId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID()
  agendaItemId?: string | null;

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused (409 VERSION_CONFLICT with the current state). If-Match works too.' })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: MEASURE_STATUSES, description: 'planned -> in_progress -> done; blocked (reason) and back to planned/in_progress; cancelled (reason, coordinators) from any open state' })
  @IsIn(MEASURE_STATUSES)
  status: MeasureStatus;

  @ApiPropertyOptional({ maxLength: 2000, description: `Required for blocked and cancelled. ${NO_PERSONAL_DATA}` })
  @IsOptionalNotNull() @IsString() @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ maxLength: 4000, description: `Completion note, required for done; a remark otherwise. ${NO_PERSONAL_DATA}` })
  @IsOptionalNotNull() @IsString() @MaxLength(4000)
  note?: string;

  @ApiPropertyOptional({ description: 'The version you read (or If-Match)' }) @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

export class ProgressNoteDto {
  @ApiProperty({ maxLength: 4000, example: 'Angebot der Baufirma liegt vor, Auftrag geht diese Woche raus.', description: NO_PERSONAL_DATA })
  @RequiredText(4000)
  text: string;
}

export class UpdateMilestoneDto {
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptionalNotNull() @RequiredText(300)
  title?: string;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsBoolean()
  done?: boolean;

  @ApiPropertyOptional({ description: "The milestone's version you read (or If-Match)" }) @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

/** Filters shared by the list and the CSV export. */
export class MeasureFilterQueryDto {
  @ApiPropertyOptional({ enum: MEASURE_STATUSES, isArray: true, description: 'One or several (repeat or separate with commas)' })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMaxSize(MEASURE_STATUSES.length) @IsIn(MEASURE_STATUSES, { each: true })
  status?: MeasureStatus[];

  @ApiPropertyOptional({ enum: MEASURE_PRIORITIES }) @IsOptional() @IsIn(MEASURE_PRIORITIES)
  priority?: MeasurePriority;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  owningAgencyId?: string;

  @ApiPropertyOptional({ description: 'Responsible person or deputy' }) @IsOptional() @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: 'Names the district or one of its places' }) @IsOptional() @IsUUID()
  districtId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  placeId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  rapportId?: string;

  @ApiPropertyOptional({ description: 'Only overdue (true) or only not overdue (false) measures' }) @IsOptional() @Transform(toBool) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Deadline from (inclusive)' }) @IsOptional() @IsCalendarDate()
  deadlineFrom?: string;

  @ApiPropertyOptional({ description: 'Deadline to (inclusive)' }) @IsOptional() @IsCalendarDate()
  deadlineTo?: string;

  @ApiPropertyOptional({ description: 'Part of the title' }) @IsOptional() @IsString() @MaxLength(100)
  q?: string;
}

const SORTS = ['deadline', 'createdAt', 'updatedAt'] as const;

export class ListMeasuresQueryDto extends IntersectionType(PageQueryDto, MeasureFilterQueryDto) {
  @ApiPropertyOptional({ enum: SORTS, default: 'deadline' }) @IsOptional() @IsIn(SORTS)
  sort?: (typeof SORTS)[number];
}

export function toMeasureFilter(q: MeasureFilterQueryDto): MeasureFilter {
  return {
    status: q.status, priority: q.priority, owningAgencyId: q.owningAgencyId, personId: q.personId, districtId: q.districtId, placeId: q.placeId,
    rapportId: q.rapportId, overdue: q.overdue, deadlineFrom: q.deadlineFrom, deadlineTo: q.deadlineTo, q: q.q?.trim() || undefined,
  };
}

export function toMeasureInput(b: CreateMeasureDto): MeasureInput {
  return { ...b };
}

export function toMeasurePatch(b: Omit<UpdateMeasureDto, 'version'>): MeasurePatch {
  return { ...b };
}
