import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReminderKind, ReminderSubjectType } from './reminder-kinds.js';

export const REMINDER_CHANNELS = ['inbox', 'email', 'webhook'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

export const REMINDER_STATES = ['pending', 'sending', 'sent', 'failed', 'withdrawn', 'batched'] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

/**
 * One planned reminder: the ledger row (migration 1765500000000). Planned in the transaction of
 * the change that causes it (reminder-plan.ts); delivered once by the worker. Holds no free text.
 */
@Entity('reminders')
export class Reminder {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: ReminderKind;
  @Column('text', { name: 'subject_type' }) subjectType: ReminderSubjectType;
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId: string | null;
  /** Tells apart reminders of the same kind and subject (a meeting's SEQUENCE, a digest's period); '' if one suffices. */
  @Column('text', { default: '' }) occurrence: string;
  @Column('uuid', { name: 'recipient_id', nullable: true }) recipientId: string | null;
  /** The agency whose webhook receives it (channel webhook only). */
  @Column('uuid', { name: 'agency_id', nullable: true }) agencyId: string | null;
  @Column('text') channel: ReminderChannel;
  @Column('timestamptz', { name: 'due_at' }) dueAt: Date;
  @Column('text', { default: 'pending' }) state: ReminderState;
  @Column('integer', { default: 0 }) attempts: number;
  /** After a failed attempt: not before this instant (backoff). due_at stays, so lateness is true. */
  @Column('timestamptz', { name: 'next_attempt_at', nullable: true }) nextAttemptAt: Date | null;
  @Column('timestamptz', { name: 'claimed_at', nullable: true }) claimedAt: Date | null;
  @Column('uuid', { name: 'claim_token', nullable: true }) claimToken: string | null;
  /** A stable error code (e.g. SMTP_UNAVAILABLE, WEBHOOK_HTTP_500), never a message with content. */
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  /** Delivered noticeably after due_at (e.g. all workers were down). */
  @Column('boolean', { default: false }) late: boolean;
  /** A batched e-mail row: the mail_daily_digest row that lists it; marked sent with it (trigger, migration 1765700000000). */
  @Column('uuid', { name: 'digest_id', nullable: true }) digestId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
