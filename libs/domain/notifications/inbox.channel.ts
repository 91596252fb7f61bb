import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isPgError } from '../common/pg-errors.js';
import { DeliveryError, type DeliveryChannel, type ReminderMessage } from './reminder-message.js';
import type { Reminder } from './reminder.entity.js';

/** How long the inbox insert may wait for a lock before the attempt counts as failed (and is retried). */
const INBOX_LOCK_TIMEOUT = '2s';

/**
 * The in-app inbox: one notifications row per reminder, written in the transaction that marks the
 * reminders sent (reminder_id is unique: a second insert is impossible, a rolled-back one never
 * happened). A batch is one statement. A lock that does not come within a few seconds is a
 * retryable failure, so that a blocked insert does not hold a worker slot indefinitely.
 */
@Injectable()
export class InboxChannel implements DeliveryChannel {
  readonly channel = 'inbox' as const;

  deliver(m: EntityManager, reminder: Reminder, message: ReminderMessage): Promise<void> {
    return this.deliverBatch(m, [{ reminder, message }]);
  }

  async deliverBatch(m: EntityManager, items: ReadonlyArray<{ reminder: Reminder; message: ReminderMessage }>): Promise<void> {
    if (!items.length) return;
    if (items.some((i) => !i.reminder.recipientId)) throw new DeliveryError('INBOX_NO_RECIPIENT', false);
    await m.query(`SET LOCAL lock_timeout = '${INBOX_LOCK_TIMEOUT}'`);
    try {
      await m.query(
        `INSERT INTO notifications (person_id, reminder_id, kind, subject_type, subject_id, title, body, link)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[])`,
        [
          items.map((i) => i.reminder.recipientId), items.map((i) => i.reminder.id), items.map((i) => i.reminder.kind),
          items.map((i) => i.reminder.subjectType), items.map((i) => i.reminder.subjectId),
          items.map((i) => clip(i.message.title, 300)), items.map((i) => clip(i.message.text, 4000)), items.map((i) => clip(i.message.link, 500)),
        ],
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
