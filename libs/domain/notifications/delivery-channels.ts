import type { Provider, Type } from '@nestjs/common';
import { EmailChannel } from './channels/email-channel.js';
import { WebhookChannel } from './channels/webhook-channel.js';
import { InboxChannel } from './inbox.channel.js';
import type { DeliveryChannel } from './reminder-message.js';

/** Injection token: every DeliveryChannel, as an array; the dispatcher picks by reminder.channel. */
export const DELIVERY_CHANNELS = Symbol('DELIVERY_CHANNELS');

/**
 * The channel classes, listed in this one place (issue 9): the inbox (provided here) and e-mail and
 * webhooks (provided by NotificationsChannelsModule, which NotificationsModule imports). A channel
 * that is not listed is a delivery error CHANNEL_UNAVAILABLE (not retried: coordinators see it in
 * the failed list).
 */
export const CHANNEL_CLASSES: Array<Type<DeliveryChannel>> = [InboxChannel, EmailChannel, WebhookChannel];

export const DELIVERY_CHANNEL_PROVIDERS: Provider[] = [
  InboxChannel,
  { provide: DELIVERY_CHANNELS, useFactory: (...channels: DeliveryChannel[]) => channels, inject: CHANNEL_CLASSES },
];
