import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { Page, PageRequest, paginate, type KeyColumn } from '../common/pagination.js';
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

/** A person's in-app inbox: only ever their own (someone else's notification is a 404). */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(viewer: Actor, filter: { unread?: boolean }, page: PageRequest): Promise<Page<Notification>> {
    const qb = this.db.getRepository(Notification).createQueryBuilder('n').where('n.person_id = :me', { me: viewer.id });
    if (filter.unread === true) qb.andWhere('n.read_at IS NULL');
    if (filter.unread === false) qb.andWhere('n.read_at IS NOT NULL');
    return paginate(qb, page, INBOX_SORTS, { sql: 'n.id', type: 'uuid' });
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
