import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { keysetPage, keysetPlan, Page, PageRequest, pageLimit, type KeyColumn } from '../common/pagination.js';
import { preparedQuery } from '../common/prepared-query.js';
import { Notification } from './notification.entity.js';

/**
 * "Unread first, then newest" as one keyset column for paginate(): unread items get 2^52 added to
 * their creation time in microseconds (2^52 µs is beyond the year 2100), so that one descending
 * bigint orders both. Reading an item moves it down; a client paging meanwhile may see it twice.
 */
const INBOX_ORDER: KeyColumn = {
  sql: `((CASE WHEN n.read_at IS NULL THEN 4503599627370496 ELSE 0 END)::bigint + floor(extract(epoch FROM n.created_at) * 1000000)::bigint)`,
  type: 'bigint',
};
export const INBOX_SORTS: Record<string, KeyColumn> = { inbox: INBOX_ORDER, createdAt: { sql: 'n.created_at', type: 'timestamptz' } };
const INBOX_ID: KeyColumn = { sql: 'n.id', type: 'uuid' };

interface NotificationRow extends Record<string, unknown> {
  id: string; person_id: string; reminder_id: string; kind: string; subject_type: string; subject_id: string | null;
  title: string; body: string; link: string; created_at: Date; read_at: Date | null;
}

function toNotification(r: NotificationRow): Notification {
  return {
    id: r.id, personId: r.person_id, reminderId: r.reminder_id, kind: r.kind, subjectType: r.subject_type, subjectId: r.subject_id,
    title: r.title, body: r.body, link: r.link, createdAt: r.created_at, readAt: r.read_at,
  };
}

/** A person's in-app inbox: only ever their own (someone else's notification is a 404). */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One page as one prepared statement (issue 11: the inbox is read on every page view), mapped
   * without building entities. Its text depends on the filter and the page size, never on values.
   */
  async list(viewer: Actor, filter: { unread?: boolean }, page: PageRequest): Promise<Page<Notification>> {
    const plan = keysetPlan(page, INBOX_SORTS, INBOX_ID);
    const conditions = [{ sql: 'n.person_id = :me', params: { me: viewer.id } as Record<string, unknown> }];
    if (filter.unread === true) conditions.push({ sql: 'n.read_at IS NULL', params: {} });
    if (filter.unread === false) conditions.push({ sql: 'n.read_at IS NOT NULL', params: {} });
    if (plan.where) conditions.push(plan.where);
    const text = `SELECT n.id, n.person_id, n.reminder_id, n.kind, n.subject_type, n.subject_id, n.title, n.body, n.link, n.created_at, n.read_at${plan.select.map((c) => `, ${c.sql} AS ${c.alias}`).join('')}
FROM notifications n
WHERE ${conditions.map((c) => `(${c.sql})`).join(' AND ')}
ORDER BY ${plan.orderBy.map((o) => `${o.sql} ${o.dir}${o.nulls ? ` ${o.nulls}` : ''}`).join(', ')}
LIMIT ${pageLimit(page.limit) + 1}`;
    const [sql, values] = this.db.driver.escapeQueryWithParameters(text, Object.assign({}, ...conditions.map((c) => c.params)) as Record<string, unknown>);
    const rows = await preparedQuery<NotificationRow>(this.db, sql, values);
    return keysetPage(rows, page, INBOX_SORTS, toNotification);
  }

  async unreadCount(viewer: Actor): Promise<number> {
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM notifications WHERE person_id = $1 AND read_at IS NULL`, [viewer.id])) as Array<{ n: number }>;
    return row!.n;
  }

  /** Marks one as read (again: keeps the first read time). */
  async markRead(viewer: Actor, id: string): Promise<Notification> {
    const [rows] = (await this.db.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND person_id = $2 RETURNING id`,
      [id, viewer.id],
    )) as [Array<{ id: string }>, number];
    if (!rows.length) throw DomainError.notFound('notification');
    return this.db.getRepository(Notification).findOneByOrFail({ id });
  }

  async markAllRead(viewer: Actor): Promise<number> {
    const [, count] = (await this.db.query(`UPDATE notifications SET read_at = now() WHERE person_id = $1 AND read_at IS NULL`, [viewer.id])) as [unknown, number];
    return count;
  }
}
