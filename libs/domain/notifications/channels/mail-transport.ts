import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { AppConfig } from '#config/app-config.js';
import { LOGGER, type AppLogger } from '#config/logger.js';
import { DeliveryError } from '../reminder-message.js';

/**
 * Where reminder mail goes (config.mailDelivery): an SMTP server (SMTP_URL), .eml files under
 * DATA_DIR/outbox-mail/ (the embedded mode without SMTP), or nowhere (a server without SMTP_URL:
 * each mail fails with SMTP_NOT_CONFIGURED, so that coordinators see it in the failed list, and the
 * start log says so). Errors are DeliveryErrors with content-free codes; addresses and content
 * are never logged.
 */
@Injectable()
export class MailTransport implements OnModuleInit, OnApplicationShutdown {
  private smtp?: Transporter;
  private composer?: Transporter;

  constructor(private readonly config: AppConfig, @Inject(LOGGER) private readonly logger: AppLogger) {}

  onModuleInit(): void {
    if (this.config.mailDelivery === 'none') {
      this.logger.warn('SMTP_URL is not set: reminder e-mails cannot be sent and fail with SMTP_NOT_CONFIGURED (inbox and webhooks still work). Set SMTP_URL, or MAIL_OUTBOX=true to keep them as .eml files.');
    } else if (this.config.mailDelivery === 'outbox') {
      this.logger.info({ outbox: this.config.mailOutboxDir }, 'e-mails are not sent: they are written as .eml files to the outbox directory');
    }
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }

  /** Sends (or files) one mail; `key` (the reminder id) names the .eml file, so a resend overwrites it. */
  async send(key: string, mail: SendMailOptions): Promise<void> {
    switch (this.config.mailDelivery) {
      case 'none':
        throw new DeliveryError('SMTP_NOT_CONFIGURED', false);
      case 'outbox':
        return this.file(key, mail);
      case 'smtp':
        try {
          await this.smtpTransport().sendMail(mail);
        } catch (err) {
          throw smtpError(err);
        }
    }
  }

  private smtpTransport(): Transporter {
    // Short timeouts: nodemailer waits two minutes for a connection by default, and a worker that
    // hangs on a dead server holds its job that long. A failure is retried with the ledger's backoff.
    this.smtp ??= nodemailer.createTransport({ url: this.config.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
    return this.smtp;
  }

  /** RFC 5322 via nodemailer's own composer (streamTransport), written atomically: tmp file, then rename. */
  private async file(key: string, mail: SendMailOptions): Promise<void> {
    this.composer ??= nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const info = (await this.composer.sendMail(mail)) as { message: Buffer };
    const dir = this.config.mailOutboxDir;
    await mkdir(dir, { recursive: true });
    const target = join(dir, `${key}.eml`);
    const tmp = join(dir, `.${key}.${randomUUID()}.tmp`);
    try {
      await writeFile(tmp, info.message, { mode: 0o600 });
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      this.logger.error({ reminderId: key, code: (err as { code?: string }).code }, 'mail outbox: could not write the .eml file');
      throw new DeliveryError('MAIL_OUTBOX_UNWRITABLE');
    }
  }
}

/**
 * nodemailer's error -> a DeliveryError: the server unreachable or gone mid-way is worth retrying;
 * an SMTP reply 4xx is temporary (greylisting, a full mailbox queue), 5xx is final (RFC 5321 4.2.1).
 */
export function smtpError(err: unknown): DeliveryError {
  const e = err as { code?: string; responseCode?: number };
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return new DeliveryError(e.code === 'EAUTH' ? 'SMTP_AUTH_FAILED' : 'SMTP_REJECTED', false);
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return new DeliveryError('SMTP_DEFERRED', true);
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return new DeliveryError('SMTP_AUTH_FAILED', false);
  if (e.code === 'ECONFIG') return new DeliveryError('SMTP_MISCONFIGURED', false);
  if (['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'ECONNREFUSED', 'ECONNRESET', 'EPROXY'].includes(e.code ?? '')) return new DeliveryError('SMTP_UNAVAILABLE', true);
  return new DeliveryError('SMTP_ERROR', true);
}
