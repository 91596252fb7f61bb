import { Inject, Injectable } from '@nestjs/common';
import type { SendMailOptions } from 'nodemailer';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { LOGGER, type AppLogger } from '#config/logger.js';
import { DeliveryError, type DeliveryChannel, type ReminderMessage } from '../reminder-message.js';
import type { Reminder } from '../reminder.entity.js';
import { MailTransport } from './mail-transport.js';
import { absoluteLink, messageIdDomain } from './public-link.js';

/** Where a person changes what reaches them (the web interface's settings page). */
export const SETTINGS_PATH = '/me/notification-settings';

/**
 * Reminder e-mail: German, subject = the message's title, the text with an absolute link into the
 * product and a footer that says why the person gets it and where to change that. The Message-ID
 * is derived from the reminder id, so a resend after a crash (the worker died between sending and
 * marking sent) is recognisably the same mail to servers and mail programs. No network I/O should
 * run inside a database transaction: `m` is only read here (the recipient's address).
 */
@Injectable()
export class EmailChannel implements DeliveryChannel {
  readonly channel = 'email' as const;

  constructor(private readonly config: AppConfig, private readonly transport: MailTransport, @Inject(LOGGER) private readonly logger: AppLogger) {}

  async deliver(m: EntityManager, reminder: Reminder, message: ReminderMessage): Promise<void> {
    const to = await this.recipientAddress(m, reminder);
    try {
      await this.transport.send(reminder.id, this.compose(reminder, message, to));
    } catch (err) {
      const failure = err instanceof DeliveryError ? err : new DeliveryError('MAIL_ERROR');
      // The reminder id and the code only: never the address or the content.
      this.logger.warn({ reminderId: reminder.id, code: failure.code, retryable: failure.retryable }, 'e-mail not delivered');
      throw failure;
    }
  }

  private compose(reminder: Pick<Reminder, 'id'>, message: ReminderMessage, to: string): SendMailOptions {
    const link = absoluteLink(this.config, message.link);
    const text = [
      message.text.trim(),
      '',
      `Im Drogenrapport öffnen: ${link}`,
      '',
      '-- ',
      'Sie erhalten diese Nachricht, weil Sie im Drogenrapport an dieser Sache beteiligt sind (zuständig, vertretend, eingeladen oder in der Leitung).',
      `Welche Erinnerungen Sie auf welchem Weg erhalten (Posteingang, E-Mail, tägliche Zusammenfassung), stellen Sie hier ein: ${absoluteLink(this.config, SETTINGS_PATH)}`,
      'Diese E-Mail wurde automatisch erzeugt; bitte antworten Sie nicht darauf.',
    ].join('\n');
    return {
      from: this.config.MAIL_FROM,
      to,
      subject: message.title,
      text,
      messageId: `<${reminder.id}@${messageIdDomain(this.config)}>`,
      headers: {
        // RFC 3834: no out-of-office replies to a machine.
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
        'Content-Language': 'de',
      },
      attachments: (message.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    };
  }

  private async recipientAddress(m: EntityManager, reminder: Pick<Reminder, 'id' | 'recipientId'>): Promise<string> {
    if (!reminder.recipientId) throw new DeliveryError('RECIPIENT_MISSING', false);
    const [person] = (await m.query(`SELECT email, active FROM people WHERE id = $1`, [reminder.recipientId])) as Array<{ email: string; active: boolean }>;
    if (!person?.active || !person.email) throw new DeliveryError('RECIPIENT_INACTIVE', false);
    return person.email;
  }
}
