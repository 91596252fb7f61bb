import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AgencyWebhook } from './agency-webhook.entity.js';
import { MailDigestService } from './channels/mail-digest.service.js';
import { NotificationsChannelsModule } from './channels/notifications-channels.module.js';
import { DELIVERY_CHANNEL_PROVIDERS, DELIVERY_CHANNELS } from './delivery-channels.js';
import { InboxService } from './inbox.service.js';
import { NotificationSettings } from './notification-settings.entity.js';
import { NotificationSettingsService } from './notification-settings.service.js';
import { Notification } from './notification.entity.js';
import { QueueStatusService } from './queue-status.service.js';
import { ReminderDispatcher } from './reminder-dispatcher.service.js';
import { ReminderQueue } from './reminder-queue.js';
import { ReminderScanner } from './reminder-scanner.service.js';
import { Reminder } from './reminder.entity.js';
import { RemindersService } from './reminders.service.js';

/**
 * Reminders and notifications (issue 9): the ledger's delivery (dispatcher, scan, queue), the
 * channels, the inbox, the settings and the ledger for coordinators. Shared by API and worker.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder, Notification, NotificationSettings, AgencyWebhook]), AuditModule, NotificationsChannelsModule],
  providers: [...DELIVERY_CHANNEL_PROVIDERS, ReminderQueue, ReminderDispatcher, ReminderScanner, InboxService, NotificationSettingsService, RemindersService, QueueStatusService, MailDigestService],
  exports: [NotificationsChannelsModule, MailDigestService, DELIVERY_CHANNELS, ReminderQueue, ReminderDispatcher, ReminderScanner, InboxService, NotificationSettingsService, RemindersService, QueueStatusService],
})
export class NotificationsModule {}
