import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import { MAIL_MODES, type MailMode } from '#domain/notifications/notification-settings.entity.js';
import { PERSONAL_CHANNELS, type PersonalChannel } from '#domain/notifications/notification-settings.service.js';
import { REMINDER_GROUPS, REMINDER_KIND_NAMES } from '#domain/notifications/reminder-kinds.js';
import { REMINDER_CHANNELS, REMINDER_STATES, type ReminderState } from '#domain/notifications/reminder.entity.js';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { PageOf } from '../../common/page.dto.js';
import { QueryBoolean } from '../../common/query-boolean.decorator.js';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: only unread; false: only read; left out: all (unread first, then newest)' })
  @QueryBoolean()
  unread?: boolean;
}

export class NotificationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REMINDER_KIND_NAMES }) kind: string;
  @ApiProperty({ enum: ['measure', 'milestone', 'rapport', 'escalation', 'digest'] }) subjectType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subjectId: string | null;
  @ApiProperty({ description: 'German, names records by title only' }) title: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'A path into the product, e.g. /measures/<id>' }) link: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class NotificationPageDto extends PageOf(NotificationResponseDto) {}

export class UnreadCountDto {
  @ApiProperty({ type: 'integer' }) unread: number;
}

export class MarkedReadDto {
  @ApiProperty({ type: 'integer', description: 'How many were unread and are now read' }) marked: number;
}

const GROUPS_DOC = `Per reminder group (${REMINDER_GROUPS.join(', ')}) the channels wanted, each a subset of ${PERSONAL_CHANNELS.join(' and ')}
(an empty list: nothing for that group). A group left out follows the default. Webhooks are set up per agency, not here.`;

export class ChannelsByGroupDto {
  @ApiProperty({ enum: PERSONAL_CHANNELS, isArray: true }) measures: PersonalChannel[];
  @ApiProperty({ enum: PERSONAL_CHANNELS, isArray: true }) rapports: PersonalChannel[];
  @ApiProperty({ enum: PERSONAL_CHANNELS, isArray: true }) escalations: PersonalChannel[];
  @ApiProperty({ enum: PERSONAL_CHANNELS, isArray: true }) digests: PersonalChannel[];
}

export class NotificationSettingsResponseDto {
  @ApiProperty({ type: ChannelsByGroupDto, description: 'The channels that apply per group (defaults filled in)' }) channels: ChannelsByGroupDto;
  @ApiProperty({ enum: REMINDER_GROUPS, isArray: true, description: 'The groups you chose yourself; the others follow the defaults' }) chosen: string[];
  @ApiProperty({ enum: MAIL_MODES, description: 'single: one mail per reminder; daily_digest: one mail a day with all of them' }) mailMode: MailMode;
  @ApiProperty({ type: 'integer', description: '0 until you first save; send it back (If-Match or version) when you change them' }) version: number;
}

export class PutNotificationSettingsDto {
  @ApiProperty({
    type: 'object', description: GROUPS_DOC, example: { measures: ['inbox', 'email'], digests: ['email'] },
    additionalProperties: { type: 'array', items: { type: 'string', enum: [...PERSONAL_CHANNELS] } },
  })
  @IsObject()
  channels: Record<string, string[]>;

  @ApiProperty({ enum: MAIL_MODES })
  @IsIn(MAIL_MODES)
  mailMode: MailMode;

  @ApiPropertyOptional({ type: 'integer', description: 'The version you read (or If-Match); required one way or the other' })
  @IsOptionalNotNull() @IsInt() @Min(0) @Max(2_000_000_000)
  version?: number;
}

export class ListRemindersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REMINDER_STATES, default: 'failed' })
  @IsOptional() @IsIn(REMINDER_STATES)
  state?: ReminderState;
}

export class ReminderResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REMINDER_KIND_NAMES }) kind: string;
  @ApiProperty({ enum: ['measure', 'milestone', 'rapport', 'escalation', 'digest'] }) subjectType: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subjectId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The person (null for an agency webhook)' }) recipientId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The agency whose webhook receives it' }) agencyId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The person's display name, or the agency's name for a webhook" }) recipientName: string | null;
  @ApiProperty({ enum: REMINDER_CHANNELS }) channel: string;
  @ApiProperty({ enum: REMINDER_STATES }) state: string;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt: string;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: String, nullable: true, description: 'A stable error code of the last failed attempt (e.g. SMTP_UNAVAILABLE)' }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty() late: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class ReminderPageDto extends PageOf(ReminderResponseDto) {}

export class QueueCountsDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer' }) waiting: number;
  @ApiProperty({ type: 'integer' }) active: number;
  @ApiProperty({ type: 'integer' }) delayed: number;
  @ApiProperty({ type: 'integer' }) failed: number;
  @ApiProperty({ type: 'integer' }) completed: number;
}

export class LedgerCountsDto {
  @ApiProperty({ type: 'integer' }) pending: number;
  @ApiProperty({ type: 'integer' }) sending: number;
  @ApiProperty({ type: 'integer' }) sent: number;
  @ApiProperty({ type: 'integer' }) failed: number;
  @ApiProperty({ type: 'integer' }) withdrawn: number;
  @ApiProperty({ type: 'integer' }) batched: number;
}

export class QueuesOverviewDto {
  @ApiProperty({ enum: ['redis', 'postgres'] }) backend: string;
  @ApiProperty({ type: QueueCountsDto, isArray: true }) queues: QueueCountsDto[];
  @ApiProperty({ type: LedgerCountsDto, description: 'The reminder ledger (Postgres, the truth) by state' }) ledger: LedgerCountsDto;
}
