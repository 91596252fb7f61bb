import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ReminderChannel } from './reminder.entity.js';
import type { ReminderGroup } from './reminder-kinds.js';

export const MAIL_MODES = ['single', 'daily_digest'] as const;
export type MailMode = (typeof MAIL_MODES)[number];

/** A person's choices; no row means the defaults of reminder-kinds.ts (DEFAULT_CHANNELS, single mails). */
@Entity('notification_settings')
export class NotificationSettings {
  @PrimaryColumn('uuid', { name: 'person_id' }) personId: string;
  /** Per kind group the channels the person wants (inbox and/or email); a missing group keeps the default. */
  @Column('jsonb', { default: () => `'{}'::jsonb` }) channels: Partial<Record<ReminderGroup, Array<Exclude<ReminderChannel, 'webhook'>>>>;
  @Column('text', { name: 'mail_mode', default: 'single' }) mailMode: MailMode;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
