import type { Provider, Type } from '@nestjs/common';
import { InboxChannel } from './inbox.channel.js';
import type { DeliveryChannel } from './reminder-message.js';

/** Injection token: every DeliveryChannel, as an array; the dispatcher picks by reminder.channel. */
export const DELIVERY_CHANNELS = Symbol('DELIVERY_CHANNELS');

/**
 * The channel classes, listed in this one place (issue 9): the inbox here; e-mail and webhooks are
 * added to this list by their module's authors. A channel that is not listed is a delivery error
 * CHANNEL_UNAVAILABLE (not retried: coordinators see it in the failed list).
 */
export const CHANNEL_CLASSES: Array<Type<DeliveryChannel>> = [InboxChannel];

export const DELIVERY_CHANNEL_PROVIDERS: Provider[] = [
  ...CHANNEL_CLASSES,
  { provide: DELIVERY_CHANNELS, useFactory: (...channels: DeliveryChannel[]) => channels, inject: CHANNEL_CLASSES },
];
