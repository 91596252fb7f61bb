import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ANSWERS, ATTENDANCES, type Answer, type Attendance } from '#domain/rapports/rapport-invitation.entity.js';
import { RAPPORT_STATUSES, type RapportStatus } from '#domain/rapports/rapport-status.js';
import { STATUS_ROUTE_TARGETS, type RapportFilter, type StatusRouteTarget } from '#domain/rapports/rapports.service.js';
import { IsCalendarDate, IsTimestamp } from '../../common/date-input.decorator.js';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { QueryBoolean } from '../../common/query-boolean.decorator.js';
import { RequiredText } from '../../common/required-text.decorator.js';

const RRULE_DOC = 'RFC 5545 RRULE value without DTSTART (the series gives startDate and startTime in Europe/Berlin), FREQ=YEARLY, MONTHLY, WEEKLY or DAILY; must yield a date in the future';
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean)
    : Array.isArray(value) ? value.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean) : value;

export class CreateSeriesDto {
  @ApiProperty({ maxLength: 300, example: 'Drogenrapport Innenstadt' }) @RequiredText(300)
  title: string;

  @ApiProperty({ isArray: true, type: String, description: 'Participating agencies (active); their liaisons are invited when a meeting is convened' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsUUID('all', { each: true })
  agencyIds: string[];

  @ApiProperty({ maxLength: 500, example: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU', description: RRULE_DOC }) @IsString() @MaxLength(500)
  rrule: string;

  @ApiProperty({ example: '2027-01-01', description: 'Berlin date from which the rule counts (DTSTART date)' }) @IsCalendarDate()
  startDate: string;

  @ApiProperty({ example: '10:00', description: 'Wall-clock time in Europe/Berlin (HH:MM); stays 10:00 across DST' }) @IsString() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:MM' })
  startTime: string;

  @ApiProperty({ maxLength: 300, example: 'Rathaus, Raum 204' }) @RequiredText(300)
  location: string;

  @ApiProperty({ minimum: 5, maximum: 1440, example: 120 }) @IsInt() @Min(5) @Max(1440)
  durationMinutes: number;
}

export class UpdateSeriesDto {
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptionalNotNull() @RequiredText(300)
  title?: string;

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptionalNotNull() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsUUID('all', { each: true })
  agencyIds?: string[];

  @ApiPropertyOptional({ maxLength: 500, description: RRULE_DOC }) @IsOptionalNotNull() @IsString() @MaxLength(500)
  rrule?: string;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ example: '10:00' }) @IsOptionalNotNull() @IsString() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time HH:MM' })
  startTime?: string;

  @ApiPropertyOptional({ maxLength: 300 }) @IsOptionalNotNull() @RequiredText(300)
  location?: string;

  @ApiPropertyOptional({ minimum: 5, maximum: 1440 }) @IsOptionalNotNull() @IsInt() @Min(5) @Max(1440)
  durationMinutes?: number;

  @ApiPropertyOptional({ description: 'The version you read (or If-Match)' }) @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

export class ListSeriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['createdAt'], default: 'createdAt' }) @IsOptional() @IsIn(['createdAt'])
  sort?: 'createdAt';

  @ApiPropertyOptional() @QueryBoolean()
  active?: boolean;
}

export class ListRapportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['startsAt'], default: 'startsAt' }) @IsOptional() @IsIn(['startsAt'])
  sort?: 'startsAt';

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  seriesId?: string;

  @ApiPropertyOptional({ enum: RAPPORT_STATUSES, isArray: true, description: 'One or several (repeat or separate with commas)' })
  @IsOptional() @Transform(toList) @IsArray() @ArrayMaxSize(RAPPORT_STATUSES.length) @IsIn(RAPPORT_STATUSES, { each: true })
  status?: RapportStatus[];

  @ApiPropertyOptional({ description: 'Starts at or after' }) @IsOptional() @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ description: 'Starts before' }) @IsOptional() @IsTimestamp()
  to?: string;
}

export function toRapportFilter(q: ListRapportsQueryDto): RapportFilter {
  return { seriesId: q.seriesId, status: q.status, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined };
}

export class UpdateRapportDto {
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptionalNotNull() @RequiredText(300)
  title?: string;

  @ApiPropertyOptional({ maxLength: 300 }) @IsOptionalNotNull() @RequiredText(300)
  location?: string;

  @ApiPropertyOptional({ description: 'Move the meeting (planned or convened only; not into the past). The end moves along unless endsAt is given.' }) @IsOptionalNotNull() @IsTimestamp()
  startsAt?: string;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsTimestamp()
  endsAt?: string;

  @ApiPropertyOptional({ description: 'The version you read (or If-Match)' }) @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

export class RapportStatusDto {
  @ApiProperty({ enum: STATUS_ROUTE_TARGETS, description: 'planned -> convened (invitations go out; the meeting must lie ahead) -> held (from its start on; minutes are written) -> minutes_published (the minutes become read-only); cancelled (with a reason) from planned or convened' })
  @IsIn(STATUS_ROUTE_TARGETS)
  status: StatusRouteTarget;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required for cancelled' }) @IsOptionalNotNull() @IsString() @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ isArray: true, type: String, description: 'On convene: people invited by name besides the liaisons of the participating agencies' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true })
  personIds?: string[];

  @ApiPropertyOptional({ description: 'The version you read (or If-Match)' }) @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

export class InvitePeopleDto {
  @ApiProperty({ isArray: true, type: String, description: 'Active people invited by name' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @IsUUID('all', { each: true })
  personIds: string[];
}

export class AnswerDto {
  @ApiProperty({ enum: ANSWERS, description: 'delegate: send your deputy (from your profile), who is then invited' }) @IsIn(ANSWERS)
  answer: Answer;
}

export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  personId: string;

  @ApiProperty({ enum: ATTENDANCES }) @IsIn(ATTENDANCES)
  attendance: Attendance;
}

export class RecordAttendanceDto {
  @ApiProperty({ type: AttendanceEntryDto, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => AttendanceEntryDto)
  entries: AttendanceEntryDto[];
}
