import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isPgError } from '../common/pg-errors.js';
import { DeliveryError, type DeliveryChannel, type ReminderMessage } from './reminder-message.js';
import type { Reminder } from './reminder.entity.js';

/** How long the inbox insert may wait for a lock before the attempt counts as failed (and is retried). */
const INBOX_LOCK_TIMEOUT = '2s';

/**
 * The in-app inbox: one notifications row per reminder, written in the transaction that marks the
 * reminder sent (reminder_id is unique: a second insert is impossible, a rolled-back one never
 * happened). A lock that does not come within a few seconds is a retryable failure, so that a
 * blocked insert does not hold a worker slot indefinitely.
 */
@Injectable()
export class InboxChannel implements DeliveryChannel {
  readonly channel = 'inbox' as const;
  readonly inTransaction = true;

  async deliver(m: EntityManager, reminder: Reminder, message: ReminderMessage): Promise<void> {
    if (!reminder.recipientId) throw new DeliveryError('INBOX_NO_RECIPIENT', false);
    await m.query(`SET LOCAL lock_timeout = '${INBOX_LOCK_TIMEOUT}'`);
    try {
      await m.query(
        `INSERT INTO notifications (person_id, reminder_id, kind, subject_type, subject_id, title, body, link)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [reminder.recipientId, reminder.id, reminder.kind, reminder.subjectType, reminder.subjectId, clip(message.title, 300), clip(message.text, 4000), clip(message.link, 500)],
      );
    } catch (err) {
      if (isPgError(err, '55P03')) throw new DeliveryError('INBOX_LOCK_TIMEOUT');
      throw err;
    }
  }
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
