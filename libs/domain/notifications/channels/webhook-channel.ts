import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { LOGGER, type AppLogger } from '#config/logger.js';
import { DeliveryError, type DeliveryChannel, type ReminderMessage } from '../reminder-message.js';
import type { Reminder } from '../reminder.entity.js';
import { absoluteLink } from './public-link.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature.js';

/** What an agency's webhook receives: generated title and text and a link, never free text (nor attachments). */
export interface WebhookPayload {
  /** The reminder id: the same on every retry (also in X-Drogenrapport-Delivery), so a receiver can drop duplicates. */
  id: string;
  kind: string;
  title: string;
  text: string;
  link: string;
  dueAt: string;
  sentAt: string;
}

/**
 * POSTs a reminder as signed JSON to the agency's webhook (agency_webhooks; e.g. into a chat tool).
 * 2xx is delivered; 5xx, 408, 429, a timeout or an unreachable host are retried by the ledger with
 * backoff; any other 4xx (and a redirect, which is not followed: the signature is for this URL) is
 * final. Codes only in logs and in the ledger, never the URL or the content.
 */
@Injectable()
export class WebhookChannel implements DeliveryChannel {
  readonly channel = 'webhook' as const;

  constructor(private readonly config: AppConfig, @Inject(LOGGER) private readonly logger: AppLogger) {}

  async deliver(m: EntityManager, reminder: Reminder, message: ReminderMessage): Promise<void> {
    if (!reminder.agencyId) throw new DeliveryError('WEBHOOK_AGENCY_MISSING', false);
    const [hook] = (await m.query(`SELECT url, secret FROM agency_webhooks WHERE agency_id = $1 AND active`, [reminder.agencyId])) as Array<{ url: string; secret: string }>;
    if (!hook) throw this.fail(reminder, new DeliveryError('WEBHOOK_NOT_CONFIGURED', false));
    const payload: WebhookPayload = {
      id: reminder.id,
      kind: reminder.kind,
      title: message.title,
      text: message.text,
      link: absoluteLink(this.config, message.link),
      dueAt: reminder.dueAt.toISOString(),
      sentAt: new Date().toISOString(),
    };
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number;
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Drogenrapport-Webhook/1',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(hook.secret, timestamp, body),
          [DELIVERY_HEADER]: reminder.id,
        },
        body,
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_SECONDS * 1000),
      });
      status = res.status;
      // The answer's body is not needed; reading it away frees the connection.
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      const name = (err as { name?: string }).name;
      throw this.fail(reminder, new DeliveryError(name === 'TimeoutError' || name === 'AbortError' ? 'WEBHOOK_TIMEOUT' : 'WEBHOOK_UNREACHABLE', true));
    }
    if (status >= 200 && status < 300) return;
    const retryable = status >= 500 || status === 408 || status === 429;
    throw this.fail(reminder, new DeliveryError(`WEBHOOK_HTTP_${status}`, retryable));
  }

  private fail(reminder: Reminder, err: DeliveryError): DeliveryError {
    this.logger.warn({ reminderId: reminder.id, code: err.code, retryable: err.retryable }, 'webhook not delivered');
    return err;
  }
}
