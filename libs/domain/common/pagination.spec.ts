import { describe, expect, it } from '@jest/globals';
import { AuditService } from '../audit/audit.service.js';
import { decodeCursor, encodeCursor, isKeyValue, KeyColumn, keysetPlan, PageRequest } from './pagination.js';

const ID: KeyColumn = { sql: 'd.id', type: 'uuid' };
const SORTS: Record<string, KeyColumn> = {
  observedAt: { sql: 'd.observed_at', type: 'timestamptz' },
  severity: { sql: 'd.severity', type: 'smallint' },
  withdrawnAt: { sql: 'd.withdrawn_at', type: 'timestamptz', nullable: true },
};
const UUID = '0c7d8e1e-4c5a-4b8e-9c1d-2f3e4a5b6c7d';
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const req = (over: Partial<PageRequest> = {}): PageRequest => ({ limit: 50, sort: 'observedAt', order: 'desc', ...over });

describe('keysetPlan', () => {
  it('orders the first page by the column and the id, with no NULLS LAST on a NOT NULL column', () => {
    const plan = keysetPlan(req(), SORTS, ID);
    expect(plan.where).toBeNull();
    expect(plan.orderBy).toEqual([{ sql: 'd.observed_at', dir: 'DESC' }, { sql: 'd.id', dir: 'DESC' }]);
    expect(plan.select.map((s) => s.sql)).toEqual([`to_char(d.observed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24":"MI":"SS.US"Z"')`, 'CAST(d.id AS text)']);
  });

  it('continues descending with a row comparison, typed parameters and nothing else', () => {
    const cursor = encodeCursor({ s: 'observedAt', o: 'desc', v: '2026-03-01T09:30:00.123456Z', id: UUID });
    expect(keysetPlan(req({ cursor }), SORTS, ID).where).toEqual({
      sql: '(d.observed_at, d.id) < (CAST(:page_v AS timestamptz), CAST(:page_id AS uuid))',
      params: { page_v: '2026-03-01T09:30:00.123456Z', page_id: UUID },
    });
  });

  it('continues ascending with >', () => {
    const cursor = encodeCursor({ s: 'severity', o: 'asc', v: 3, id: UUID });
    const plan = keysetPlan(req({ sort: 'severity', order: 'asc', cursor }), SORTS, ID);
    expect(plan.where).toEqual({ sql: '(d.severity, d.id) > (CAST(:page_v AS smallint), CAST(:page_id AS uuid))', params: { page_v: 3, page_id: UUID } });
    expect(plan.orderBy).toEqual([{ sql: 'd.severity', dir: 'ASC' }, { sql: 'd.id', dir: 'ASC' }]);
  });

  it('puts NULLs last on a nullable column and pages through them by id', () => {
    const first = keysetPlan(req({ sort: 'withdrawnAt' }), SORTS, ID);
    expect(first.orderBy).toEqual([{ sql: 'd.withdrawn_at', dir: 'DESC', nulls: 'NULLS LAST' }, { sql: 'd.id', dir: 'DESC' }]);
    const inValues = keysetPlan(req({ sort: 'withdrawnAt', cursor: encodeCursor({ s: 'withdrawnAt', o: 'desc', v: '2026-01-01T00:00:00.000000Z', id: UUID }) }), SORTS, ID);
    expect(inValues.where?.sql).toBe('((d.withdrawn_at, d.id) < (CAST(:page_v AS timestamptz), CAST(:page_id AS uuid)) OR d.withdrawn_at IS NULL)');
    const inNulls = keysetPlan(req({ sort: 'withdrawnAt', cursor: encodeCursor({ s: 'withdrawnAt', o: 'desc', v: null, id: UUID }) }), SORTS, ID);
    expect(inNulls.where).toEqual({ sql: '(d.withdrawn_at IS NULL AND d.id < CAST(:page_id AS uuid))', params: { page_id: UUID } });
  });

  it.each(['name', '__proto__', 'constructor', 'toString'])('refuses the sort %j', (sort) => {
    expect(() => keysetPlan(req({ sort }), SORTS, ID)).toThrow(expect.objectContaining({ code: 'INVALID_SORT', status: 400, field: 'sort' }));
  });
});

describe('cursor', () => {
  const col = SORTS.observedAt!;
  it('round-trips', () => {
    const c = { s: 'observedAt', o: 'desc' as const, v: '2026-03-01T09:30:00.123456Z', id: UUID };
    expect(decodeCursor(encodeCursor(c), { sort: 'observedAt', order: 'desc' }, col, ID)).toEqual(c);
    const text = { s: 'name', o: 'asc' as const, v: 'Ämter & "Büros"', id: UUID };
    expect(decodeCursor(encodeCursor(text), { sort: 'name', order: 'asc' }, { sql: 'a.name', type: 'text' }, ID)).toEqual(text);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'not base64 !'],
    ['not JSON', Buffer.from('{v:1').toString('base64url')],
    ['an array', b64([1])],
    ['null', b64(null)],
    ['an object as value', b64({ s: 'observedAt', o: 'desc', v: {}, id: UUID })],
    ['strings that are no timestamp and no uuid', b64({ s: 'observedAt', o: 'desc', v: 'x', id: 'y' })],
    ['a number for a timestamp', b64({ s: 'observedAt', o: 'desc', v: 1, id: UUID })],
    ['an impossible day', b64({ s: 'observedAt', o: 'desc', v: '2026-02-30T00:00:00Z', id: UUID })],
    ['a timestamp without zone', b64({ s: 'observedAt', o: 'desc', v: '2026-03-01T09:30:00', id: UUID })],
    ['year 0', b64({ s: 'observedAt', o: 'desc', v: '0000-01-01T00:00:00Z', id: UUID })],
    ['an id that is no uuid', b64({ s: 'observedAt', o: 'desc', v: '2026-03-01T09:30:00Z', id: 7 })],
    ['null on a NOT NULL column', b64({ s: 'observedAt', o: 'desc', v: null, id: UUID })],
    ['another sort', b64({ s: 'severity', o: 'desc', v: '2026-03-01T09:30:00Z', id: UUID })],
    ['another order', b64({ s: 'observedAt', o: 'asc', v: '2026-03-01T09:30:00Z', id: UUID })],
    ['an extra key', b64({ s: 'observedAt', o: 'desc', v: '2026-03-01T09:30:00Z', id: UUID, x: 1 })],
  ])('refuses %s', (_what, cursor) => {
    expect(() => decodeCursor(cursor, { sort: 'observedAt', order: 'desc' }, col, ID)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', status: 400, field: 'cursor' }));
  });
});

describe('isKeyValue', () => {
  it.each([
    ['smallint', 5, true], ['smallint', 40000, false], ['smallint', 1.5, false], ['smallint', '5', false],
    ['integer', 2147483647, true], ['integer', 2147483648, false],
    ['bigint', '9223372036854775807', true], ['bigint', '9223372036854775808', false], ['bigint', 12, false], ['bigint', '1e3', false],
    ['text', 'Mitte', true], ['text', 'a\u0000b', false], ['text', 'x'.repeat(1001), false], ['text', 3, false],
    ['uuid', UUID, true], ['uuid', UUID.toUpperCase(), false], ['uuid', 'y', false],
    ['date', '2024-02-29', true], ['date', '2026-02-29', false], ['date', '2026-13-01', false], ['date', '+275760-09-13', false],
    ['timestamptz', '2026-03-01T09:30:00Z', true], ['timestamptz', '2026-03-01T24:00:00Z', false], ['timestamptz', '-271821-04-20T00:00:00Z', false],
  ] as const)('%s %j -> %s', (type, v, ok) => {
    expect(isKeyValue(v, type)).toBe(ok);
  });
});

describe('AuditService.diff', () => {
  it('records old and new values of changed fields only', () => {
    expect(AuditService.diff({ a: 1, b: 'x', c: [2, 1] }, { a: 2, b: 'x', c: [1, 2] }, ['a', 'b', 'c'])).toEqual({ a: { old: 1, new: 2 } });
  });

  it('never copies free text: it only marks the field as changed', () => {
    expect(AuditService.diff({ description: 'alt' }, { description: 'neu' }, ['description'], ['description'])).toEqual({ description: { changed: true } });
    expect(AuditService.diff(null, { description: 'neu', n: 3 }, ['description', 'n'], ['description'])).toEqual({ description: { changed: true }, n: { new: 3 } });
  });

  it('serialises dates', () => {
    const d = new Date('2026-01-02T03:04:05Z');
    expect(AuditService.diff({ at: null }, { at: d }, ['at'])).toEqual({ at: { old: null, new: '2026-01-02T03:04:05.000Z' } });
  });
});
