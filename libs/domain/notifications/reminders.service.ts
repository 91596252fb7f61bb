import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
import { ReminderQueue } from './reminder-queue.js';
import { Reminder, REMINDER_STATES, type ReminderState } from './reminder.entity.js';

/** A ledger row as coordinators see it: what, about which record, to whom, by which channel; no text. */
export interface ReminderView {
  reminder: Reminder;
  /** The recipient's display name, or for a webhook row the agency's name. */
  recipientName: string | null;
}

/**
 * The ledger for coordinators and admins (issue 9): failed reminders and their retry, and the
 * counts by state. Rows hold no free text (kind, ids, channel, times, a stable error code).
 */
@Injectable()
export class RemindersService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly audit: AuditService, private readonly queue: ReminderQueue) {}

  async list(filter: { state: ReminderState }, page: PageRequest): Promise<Page<ReminderView>> {
    const qb = this.db.getRepository(Reminder).createQueryBuilder('r').where('r.state = :state', { state: filter.state });
    const result = await paginate(qb, page, { updatedAt: { sql: 'r.updated_at', type: 'timestamptz' } }, { sql: 'r.id', type: 'uuid' });
    const names = await this.names(result.items);
    return { items: result.items.map((r) => ({ reminder: r, recipientName: names.get(r.recipientId ?? r.agencyId ?? '') ?? null })), nextCursor: result.nextCursor };
  }

  /** failed -> pending with its attempts reset (audited); 409 for any other state. */
  async retry(actor: Actor, id: string): Promise<ReminderView> {
    const reminder = await this.db.transaction(async (m) => {
      const r = await m.findOne(Reminder, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw DomainError.notFound('reminder');
      if (r.state !== 'failed') throw new DomainError(409, 'REMINDER_NOT_FAILED', 'Only a failed reminder can be sent again.', 'id', { currentState: r.state });
      await m.query(
        `UPDATE reminders SET state = 'pending', attempts = 0, next_attempt_at = NULL, claim_token = NULL, claimed_at = NULL, last_error = NULL, updated_at = now() WHERE id = $1`,
        [id],
      );
      await this.audit.record(m, actor, 'update', 'reminder', id, { state: { old: 'failed', new: 'pending' }, attempts: { old: r.attempts, new: 0 } });
      return m.findOneByOrFail(Reminder, { id });
    });
    await this.queue.kick([id]);
    const names = await this.names([reminder]);
    return { reminder, recipientName: names.get(reminder.recipientId ?? reminder.agencyId ?? '') ?? null };
  }

  /** How many rows are in each state (every state listed, 0 where none). */
  async countsByState(): Promise<Record<ReminderState, number>> {
    const rows = (await this.db.query(`SELECT state, count(*)::int AS n FROM reminders GROUP BY state`)) as Array<{ state: ReminderState; n: number }>;
    const counts = Object.fromEntries(REMINDER_STATES.map((s) => [s, 0])) as Record<ReminderState, number>;
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }

  private async names(rows: Reminder[]): Promise<Map<string, string>> {
    const people = [...new Set(rows.map((r) => r.recipientId).filter((x): x is string => !!x))];
    const agencies = [...new Set(rows.map((r) => r.agencyId).filter((x): x is string => !!x))];
    const found = (await this.db.query(
      `SELECT id, display_name AS name FROM people WHERE id = ANY($1::uuid[]) UNION ALL SELECT id, name FROM agencies WHERE id = ANY($2::uuid[])`,
      [people, agencies],
    )) as Array<{ id: string; name: string }>;
    return new Map(found.map((f) => [f.id, f.name]));
  }
}
