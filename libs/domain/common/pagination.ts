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

/** The PostgreSQL type of a key column: the cursor's values are checked against it before they reach SQL. */
export type KeyType = 'timestamptz' | 'date' | 'smallint' | 'integer' | 'bigint' | 'text' | 'uuid';

export interface KeyColumn {
  /** SQL expression of the column, e.g. `d.observed_at` (from code, never from input). */
  sql: string;
  type: KeyType;
  /**
   * Only for columns that can hold NULL: those rows come last in either direction and are paged by
   * id alone. Prefer NOT NULL sort columns: a nullable one cannot be read as one index range.
   */
  nullable?: boolean;
}

interface Cursor {
  /** sort name and order the cursor was made for */
  s: string;
  o: 'asc' | 'desc';
  v: string | number | null;
  id: string | number;
}

/** The SQL paginate() adds to a query: exported so that unit tests can check it without a database. */
export interface KeysetPlan {
  where: { sql: string; params: Record<string, unknown> } | null;
  orderBy: Array<{ sql: string; dir: 'ASC' | 'DESC'; nulls?: 'NULLS LAST' }>;
  /** Extra selected expressions: the sort value and the id as cursor text. */
  select: Array<{ sql: string; alias: string }>;
}

const V = 'page_v';
const ID = 'page_id';

/**
 * Keyset pagination over an allowlisted sort column plus a unique id as tie-breaker, compared as a
 * row: `(col, id) < (:v, :id)` (descending) or `>` (ascending). With an index on `(col, id)` (or
 * `(filter column, col, id)`) PostgreSQL reads every page as one index range, page 2,000 as cheaply
 * as page 1 (test/pagination.e2e-spec.ts checks the plan). `sorts` maps the public sort names to
 * columns; anything else is refused (TypeORM's orderBy is not injection-safe, STACK.md trap 3).
 * The cursor carries the sort value at full precision (timestamps to the microsecond, as stored),
 * so rows within the same millisecond are neither skipped nor repeated.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  req: PageRequest,
  sorts: Record<string, KeyColumn>,
  id: KeyColumn,
): Promise<Page<T>> {
  const plan = keysetPlan(req, sorts, id);
  if (plan.where) qb.andWhere(plan.where.sql, plan.where.params);
  plan.orderBy.forEach((o, i) => (i === 0 ? qb.orderBy(o.sql, o.dir, o.nulls) : qb.addOrderBy(o.sql, o.dir, o.nulls)));
  for (const s of plan.select) qb.addSelect(s.sql, s.alias);
  qb.limit(req.limit + 1);
  const { entities, raw } = await qb.getRawAndEntities();
  const more = entities.length > req.limit;
  const items = more ? entities.slice(0, req.limit) : entities;
  if (!more) return { items, nextCursor: null };
  const lastId = String((items[items.length - 1] as unknown as { id: unknown }).id);
  const row = (raw as Array<Record<string, unknown>>).find((r) => r[ID] === lastId);
  if (!row) throw new Error(`paginate: no raw row for id ${lastId}`);
  return { items, nextCursor: nextCursor(req, sorts, row) };
}

/**
 * The page from the rows of a query written by hand with keysetPlan's WHERE, ORDER BY and the
 * cursor columns it selects, limited to req.limit + 1 rows (one row per item).
 */
export function keysetPage<R extends Record<string, unknown>, T>(rows: R[], req: PageRequest, sorts: Record<string, KeyColumn>, toItem: (row: R) => T): Page<T> {
  const more = rows.length > req.limit;
  const pageRows = more ? rows.slice(0, req.limit) : rows;
  return { items: pageRows.map(toItem), nextCursor: more ? nextCursor(req, sorts, pageRows[pageRows.length - 1]!) : null };
}

/** The cursor after `row`, a row that holds the cursor columns keysetPlan selects. */
function nextCursor(req: PageRequest, sorts: Record<string, KeyColumn>, row: Record<string, unknown>): string {
  const v = row[V] as string | number | null;
  return encodeCursor({ s: req.sort, o: req.order, v: v === null ? null : fromSqlText(v, sorts[req.sort]!.type), id: String(row[ID]) });
}

/** The page size goes into a statement's text (a LIMIT parameter would leave the planner guessing): an integer only. */
export function pageLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new DomainError(400, 'INVALID_LIMIT', 'limit must be a positive integer.', 'limit');
  return limit;
}

export function keysetPlan(req: PageRequest, sorts: Record<string, KeyColumn>, id: KeyColumn): KeysetPlan {
  const col = Object.hasOwn(sorts, req.sort) ? sorts[req.sort] : undefined;
  if (!col) throw new DomainError(400, 'INVALID_SORT', `Sorting by "${req.sort}" is not possible. Allowed: ${Object.keys(sorts).join(', ')}.`, 'sort');
  const dir = req.order === 'desc' ? 'DESC' : 'ASC';
  const cmp = req.order === 'desc' ? '<' : '>';
  let where: KeysetPlan['where'] = null;
  if (req.cursor !== undefined) {
    const c = decodeCursor(req.cursor, req, col, id);
    const vParam = `CAST(:${V} AS ${col.type})`;
    const idParam = `CAST(:${ID} AS ${id.type})`;
    if (c.v === null) {
      // Past the last non-null value: only the NULL rows remain, in id order.
      where = { sql: `(${col.sql} IS NULL AND ${id.sql} ${cmp} ${idParam})`, params: { [ID]: c.id } };
    } else {
      const row = `(${col.sql}, ${id.sql}) ${cmp} (${vParam}, ${idParam})`;
      where = { sql: col.nullable ? `(${row} OR ${col.sql} IS NULL)` : row, params: { [V]: c.v, [ID]: c.id } };
    }
  }
  return {
    where,
    // NULLS LAST only where NULLs exist: on a NOT NULL column it would stop PostgreSQL from reading
    // a plain (col, id) index backwards for the descending order.
    orderBy: [{ sql: col.sql, dir, ...(col.nullable ? { nulls: 'NULLS LAST' as const } : {}) }, { sql: id.sql, dir }],
    select: [{ sql: asCursorText(col), alias: V }, { sql: asCursorText(id), alias: ID }],
  };
}

/** Text PostgreSQL gives back exactly; the format string has no `:word`, which TypeORM would read as a parameter. */
function asCursorText(c: KeyColumn): string {
  switch (c.type) {
    case 'timestamptz': return `to_char(${c.sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24":"MI":"SS.US"Z"')`;
    case 'date': return `to_char(${c.sql}, 'YYYY-MM-DD')`;
    default: return `CAST(${c.sql} AS text)`;
  }
}

function fromSqlText(v: string | number, type: KeyType): string | number {
  return type === 'smallint' || type === 'integer' ? Number(v) : String(v);
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

const INVALID = 'The page cursor is not valid; start again from the first page.';
const invalid = (detail = INVALID) => new DomainError(400, 'INVALID_CURSOR', detail, 'cursor');

/**
 * A cursor is input like any other: each part is checked against the sort it was made for and the
 * PostgreSQL type of its column, so that a forged one is a 400, never a failed query.
 */
export function decodeCursor(cursor: string, req: Pick<PageRequest, 'sort' | 'order'>, col: KeyColumn, id: KeyColumn): Cursor {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const c = parsed as Record<string, unknown>;
  if (Object.keys(c).some((k) => !['s', 'o', 'v', 'id'].includes(k))) throw invalid();
  if (typeof c.s !== 'string' || (c.o !== 'asc' && c.o !== 'desc')) throw invalid();
  if (c.s !== req.sort || c.o !== req.order) throw invalid('The page cursor belongs to another sort order; start again from the first page.');
  if (!(c.v === null ? col.nullable === true : isKeyValue(c.v, col.type))) throw invalid();
  if (!isKeyValue(c.id, id.type)) throw invalid();
  return c as unknown as Cursor;
}

const RANGES = { smallint: [-32768, 32767], integer: [-2147483648, 2147483647] } as const;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?Z$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_TEXT = 1000;

export function isKeyValue(v: unknown, type: KeyType): boolean {
  switch (type) {
    case 'smallint':
    case 'integer':
      return Number.isInteger(v) && (v as number) >= RANGES[type][0] && (v as number) <= RANGES[type][1];
    case 'bigint':
      return typeof v === 'string' && /^-?\d{1,19}$/.test(v) && BigInt(v) >= -(2n ** 63n) && BigInt(v) < 2n ** 63n;
    case 'text':
      return typeof v === 'string' && v.length <= MAX_TEXT && !v.includes('\u0000');
    case 'uuid':
      return typeof v === 'string' && UUID.test(v);
    case 'date': {
      const m = typeof v === 'string' ? DATE.exec(v) : null;
      return !!m && isCalendarDay(+m[1]!, +m[2]!, +m[3]!);
    }
    case 'timestamptz': {
      const m = typeof v === 'string' ? TIMESTAMP.exec(v) : null;
      return !!m && isCalendarDay(+m[1]!, +m[2]!, +m[3]!) && +m[4]! < 24 && +m[5]! < 60 && +m[6]! < 60;
    }
  }
}

/** Year 1 to 9999 (what PostgreSQL reads without an era), and a day that exists in that month. */
function isCalendarDay(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(2000, m - 1, d));
  dt.setUTCFullYear(y);
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}
