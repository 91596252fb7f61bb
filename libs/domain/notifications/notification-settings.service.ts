import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { checkVersion } from '../common/version-check.js';
import { MAIL_MODES, NotificationSettings, type MailMode } from './notification-settings.entity.js';
import { DEFAULT_CHANNELS, REMINDER_GROUPS, type ReminderGroup } from './reminder-kinds.js';

export const PERSONAL_CHANNELS = ['inbox', 'email'] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];

/** A person's settings as they apply: every group with its channels (the default where none is chosen). */
export interface SettingsView {
  channels: Record<ReminderGroup, PersonalChannel[]>;
  /** Groups the person chose themselves (the others follow the defaults). */
  chosen: ReminderGroup[];
  mailMode: MailMode;
  /** 0 while the person has never saved settings. */
  version: number;
}

export interface SettingsInput {
  /** Per group the channels wanted (may be empty: nothing for that group); a group left out follows the default. */
  channels: Partial<Record<string, string[]>>;
  mailMode: MailMode;
}

/**
 * Per-person channel choices (issue 9). They apply when reminders are planned and again when one is
 * sent: a channel turned off meanwhile is not used (the dispatcher withdraws that row).
 */
@Injectable()
export class NotificationSettingsService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly audit: AuditService) {}

  async get(viewer: Actor): Promise<SettingsView> {
    return toView(await this.db.getRepository(NotificationSettings).findOneBy({ personId: viewer.id }));
  }

  async put(viewer: Actor, input: SettingsInput, expectedVersion: number | undefined): Promise<SettingsView> {
    const channels = validChannels(input.channels);
    if (!(MAIL_MODES as readonly string[]).includes(input.mailMode)) throw new DomainError(400, 'INVALID_MAIL_MODE', `mailMode must be one of ${MAIL_MODES.join(', ')}.`, 'mailMode');
    return this.db.transaction(async (m) => {
      await m.query(`INSERT INTO notification_settings (person_id, version) VALUES ($1, 0) ON CONFLICT (person_id) DO NOTHING`, [viewer.id]);
      const [row] = (await m.query(`SELECT version, channels, mail_mode FROM notification_settings WHERE person_id = $1 FOR UPDATE`, [viewer.id])) as Array<{ version: number; channels: object; mail_mode: string }>;
      // The current state from this transaction's manager (another connection would wait for it in embedded mode).
      await checkVersion(row!.version, expectedVersion, async () => toView(await m.findOneBy(NotificationSettings, { personId: viewer.id })));
      await m.query(
        `UPDATE notification_settings SET channels = $2::jsonb, mail_mode = $3, version = version + 1, updated_at = now() WHERE person_id = $1`,
        [viewer.id, JSON.stringify(channels), input.mailMode],
      );
      await this.audit.record(m, viewer, 'update', 'notification_settings', viewer.id, {
        channels: { old: row!.channels, new: channels },
        mailMode: { old: row!.mail_mode, new: input.mailMode },
      });
      return toView(await m.findOneByOrFail(NotificationSettings, { personId: viewer.id }));
    });
  }
}

/** Refuses an unknown group, an unknown channel and webhooks (per agency, not per person), naming the field. */
function validChannels(given: Partial<Record<string, string[]>>): Partial<Record<ReminderGroup, PersonalChannel[]>> {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new DomainError(400, 'INVALID_CHANNELS', 'channels must be an object of groups.', 'channels');
  const out: Partial<Record<ReminderGroup, PersonalChannel[]>> = {};
  for (const [group, list] of Object.entries(given)) {
    if (!(REMINDER_GROUPS as readonly string[]).includes(group)) {
      throw new DomainError(400, 'UNKNOWN_REMINDER_GROUP', `There is no reminder group "${group.slice(0, 40)}". Groups: ${REMINDER_GROUPS.join(', ')}.`, `channels.${group.slice(0, 40)}`);
    }
    if (!Array.isArray(list)) throw new DomainError(400, 'INVALID_CHANNELS', 'Give the channels of a group as a list.', `channels.${group}`);
    list.forEach((c, i) => {
      if (c === 'webhook') throw new DomainError(400, 'WEBHOOK_NOT_PERSONAL', 'Webhooks are set up per agency, not chosen per person.', `channels.${group}.${i}`);
      if (!(PERSONAL_CHANNELS as readonly unknown[]).includes(c)) throw new DomainError(400, 'UNKNOWN_CHANNEL', `Channels are ${PERSONAL_CHANNELS.join(' and ')}.`, `channels.${group}.${i}`);
    });
    out[group as ReminderGroup] = [...new Set(list as PersonalChannel[])];
  }
  return out;
}

function toView(s: NotificationSettings | null): SettingsView {
  const chosen = REMINDER_GROUPS.filter((g) => s?.channels?.[g] !== undefined);
  const channels = Object.fromEntries(REMINDER_GROUPS.map((g) => [g, s?.channels?.[g] ?? DEFAULT_CHANNELS[g]])) as Record<ReminderGroup, PersonalChannel[]>;
  return { channels, chosen, mailMode: s?.mailMode ?? 'single', version: s?.version ?? 0 };
}
