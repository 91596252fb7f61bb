import type { Notification } from '#domain/notifications/notification.entity.js';
import type { ReminderView } from '#domain/notifications/reminders.service.js';
import type { NotificationResponseDto, ReminderResponseDto } from './dto/notification.dto.js';

export function toNotificationResponse(n: Notification): NotificationResponseDto {
  return {
    id: n.id, kind: n.kind, subjectType: n.subjectType, subjectId: n.subjectId, title: n.title, text: n.body, link: n.link,
    createdAt: n.createdAt.toISOString(), readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

export function toReminderResponse({ reminder: r, recipientName }: ReminderView): ReminderResponseDto {
  return {
    id: r.id, kind: r.kind, subjectType: r.subjectType, subjectId: r.subjectId, recipientId: r.recipientId, agencyId: r.agencyId,
    recipientName, channel: r.channel, state: r.state, dueAt: r.dueAt.toISOString(), attempts: r.attempts, lastError: r.lastError,
    sentAt: r.sentAt ? r.sentAt.toISOString() : null, late: r.late, updatedAt: r.updatedAt.toISOString(),
  };
}
