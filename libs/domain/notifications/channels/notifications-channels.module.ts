import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module.js';
import { AgencyWebhook } from '../agency-webhook.entity.js';
import { Reminder } from '../reminder.entity.js';
import { AgencyWebhooksService } from './agency-webhooks.service.js';
import { EmailChannel } from './email-channel.js';
import { genericDigestItem } from './generic-digest-item.js';
import { DIGEST_ITEM_RENDERER, MailDigestService } from './mail-digest.service.js';
import { MailTransport } from './mail-transport.js';
import { WebhookChannel } from './webhook-channel.js';

/**
 * The ways out besides the inbox (issue 9): e-mail (SMTP or the .eml outbox), agency webhooks, the
 * daily mail digest, and the webhook administration. NotificationsModule imports this and lists
 * EmailChannel and WebhookChannel among its DELIVERY_CHANNELS.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder, AgencyWebhook]), AuditModule],
  providers: [MailTransport, EmailChannel, WebhookChannel, MailDigestService, AgencyWebhooksService, { provide: DIGEST_ITEM_RENDERER, useValue: genericDigestItem }],
  exports: [EmailChannel, WebhookChannel, MailDigestService, AgencyWebhooksService],
})
export class NotificationsChannelsModule {}
