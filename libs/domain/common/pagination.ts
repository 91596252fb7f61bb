import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from './domain-error.js';

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
  sort: string;
  order: 'asc' | 'desc';
}

/**
 * Keyset pagination over an allowlisted sort column plus the id as tie-breaker. `columns` maps the
 * public sort names to SQL expressions; anything else is refused (TypeORM's orderBy is not
 * injection-safe, see STACK.md trap 3).
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  req: PageRequest,
  columns: Record<string, { sql: string; value: (row: T) => string | number | null }>,
  idSql: string,
): Promise<Page<T>> {
  const column = columns[req.sort];
  if (!column) throw new DomainError(400, 'INVALID_SORT', `Sorting by "${req.sort}" is not possible. Allowed: ${Object.keys(columns).join(', ')}.`, 'sort');
  const dir = req.order === 'desc' ? 'DESC' : 'ASC';
  const cmp = req.order === 'desc' ? '<' : '>';
  if (req.cursor) {
    const c = decodeCursor(req.cursor);
    if (c.v === null) {
      qb.andWhere(`(${column.sql} IS NULL AND ${idSql} ${cmp} :cid)`, { cid: c.id });
    } else {
      qb.andWhere(`(${column.sql} ${cmp} :cv OR (${column.sql} = :cv AND ${idSql} ${cmp} :cid) OR ${column.sql} IS NULL)`, { cv: c.v, cid: c.id });
    }
  }
  qb.orderBy(column.sql, dir, 'NULLS LAST').addOrderBy(idSql, dir).limit(req.limit + 1);
  const rows = await qb.getMany();
  const more = rows.length > req.limit;
  const items = more ? rows.slice(0, req.limit) : rows;
  const last = items[items.length - 1] as (T & { id: string | number }) | undefined;
  return { items, nextCursor: more && last ? encodeCursor(column.value(last), last.id) : null };
}

export function encodeCursor(v: string | number | null, id: string | number): string {
  return Buffer.from(JSON.stringify({ v, id })).toString('base64url');
}

export function decodeCursor(cursor: string): { v: string | number | null; id: string | number } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v: unknown; id: unknown };
    const okV = parsed.v === null || typeof parsed.v === 'string' || typeof parsed.v === 'number';
    const okId = typeof parsed.id === 'string' || typeof parsed.id === 'number';
    if (okV && okId) return parsed as { v: string | number | null; id: string | number };
  } catch {
    /* fall through */
  }
  throw new DomainError(400, 'INVALID_CURSOR', 'The page cursor is not valid; start again from the first page.', 'cursor');
}
