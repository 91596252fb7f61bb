import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module.js';
import { AgencyWebhook } from '../agency-webhook.entity.js';
import { Reminder } from '../reminder.entity.js';
import { AgencyWebhooksService } from './agency-webhooks.service.js';
import { EmailChannel } from './email-channel.js';
import { MailTransport } from './mail-transport.js';
import { WebhookChannel } from './webhook-channel.js';

/**
 * The ways out besides the inbox (issue 9): e-mail (SMTP or the .eml outbox), agency webhooks and
 * their administration. NotificationsModule imports this and lists EmailChannel and WebhookChannel
 * among its DELIVERY_CHANNELS (delivery-channels.ts); the daily mail digest, which needs the
 * dispatcher, lives in NotificationsModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder, AgencyWebhook]), AuditModule],
  providers: [MailTransport, EmailChannel, WebhookChannel, AgencyWebhooksService],
  exports: [EmailChannel, WebhookChannel, AgencyWebhooksService],
})
export class NotificationsChannelsModule {}
