import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Logger, QueryRunner } from 'typeorm';
import { Agency } from '#domain/agencies/agency.entity.js';
import { encodeCursor, paginate } from '#domain/common/pagination.js';
import { Place } from '#domain/places/place.entity.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Runs `fn` and returns the SQL TypeORM sent for the first query that matches `pattern`. */
async function capture(pattern: RegExp, fn: () => Promise<unknown>): Promise<{ sql: string; params: unknown[] }> {
  const logger = t.db.logger as Logger;
  const original = logger.logQuery.bind(logger);
  const seen: Array<{ sql: string; params: unknown[] }> = [];
  logger.logQuery = (sql: string, params?: unknown[], qr?: QueryRunner) => {
    seen.push({ sql, params: params ?? [] });
    return original(sql, params, qr);
  };
  try {
    await fn();
  } finally {
    logger.logQuery = original;
  }
  const hit = seen.find((q) => pattern.test(q.sql));
  if (!hit) throw new Error(`no query matched ${pattern}`);
  return hit;
}

interface PlanNode { 'Node Type': string; 'Index Name'?: string; 'Index Cond'?: string; 'Scan Direction'?: string; 'Actual Rows'?: number; Plans?: PlanNode[] }
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

describe('keyset pagination', () => {
  it('reads page 201 of the developments list as one index range, like page 1 (EXPLAIN)', async () => {
    // 20,000 developments of an agency of their own (own_agency: nobody else sees them), in 2001,
    // at 0/0, so that they stay out of every other test's periods, areas and counts.
    const liaison = await t.make.person(['liaison']);
    const n = 20_000;
    await t.db.query(`
      INSERT INTO developments (category, observed_at, lat, lon, severity, reporting_agency_id, reporter_id, visibility)
      SELECT 'complaint', timestamptz '2001-01-01T00:00:00Z' + i * interval '20 minutes', 0, 0, 1 + i % 5, $1, $2, 'own_agency'
      FROM generate_series(1, $3::int) AS i`, [liaison.agency.id, liaison.person.id, n]);
    await t.db.query('ANALYZE developments');

    // The cursor after row 10,000 of this agency's rows in list order (newest first): page 201 at 50 a page.
    const [deep] = await t.db.query(
      `SELECT to_char(observed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS v, id::text AS id FROM developments
       WHERE reporting_agency_id = $1 ORDER BY observed_at DESC, id DESC OFFSET 9999 LIMIT 1`, [liaison.agency.id]) as Array<{ v: string; id: string }>;
    const cursor = encodeCursor({ s: 'observedAt', o: 'desc', v: deep!.v, id: deep!.id });

    const list = (c?: string) => request(t.server).get('/api/v1/developments').set(liaison.auth).query({ limit: 50, ...(c ? { cursor: c } : {}) }).expect(200);
    let page: request.Response | undefined;
    const q = await capture(/FROM developments d/, async () => { page = await list(cursor); });
    expect(page!.body.items).toHaveLength(50);
    expect(page!.body.items[0].observedAt < `${deep!.v.slice(0, 19)}`).toBe(true);
    expect(q.sql).toContain('((d.observed_at, d.id) < (CAST($2 AS timestamptz), CAST($3 AS uuid)))\nORDER BY d.observed_at DESC, d.id DESC\nLIMIT 51');
    expect(q.sql).not.toMatch(/NULLS LAST/);

    const [{ 'QUERY PLAN': [plan] }] = await t.db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, q.params) as Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>;
    const all = nodes(plan!.Plan);
    const scan = all.find((x) => x['Index Name'] === 'developments_observed_idx');
    expect(scan).toMatchObject({ 'Node Type': 'Index Scan', 'Scan Direction': 'Backward' });
    expect(scan!['Index Cond']).toMatch(/^\(ROW\(observed_at, id\) < ROW\(/);
    // A range: it stops after the page (51 rows), instead of filtering its way past 10,000.
    expect(scan!['Actual Rows']).toBeLessThanOrEqual(51);
    expect(all.some((x) => x['Node Type'] === 'Sort')).toBe(false);

    // And the deep page is the continuation: the next rows in order after the cursor's row.
    const [next] = await t.db.query(
      `SELECT id::text AS id FROM developments WHERE reporting_agency_id = $1 ORDER BY observed_at DESC, id DESC OFFSET 10000 LIMIT 1`, [liaison.agency.id]) as Array<{ id: string }>;
    expect(page!.body.items[0].id).toBe(next!.id);
  });

  it('neither skips nor repeats rows whose timestamps differ by microseconds only', async () => {
    const admin = await t.make.person(['admin']);
    const tag = randomUUID().slice(0, 8).toUpperCase();
    const repo = t.db.getRepository(Agency);
    const made = await repo.save([1, 2, 3, 4, 5].map((i) => repo.create({ name: `Mikro ${tag} ${i}`, kind: 'other', code: `MK${i}-${tag}`, active: true })));
    // Five rows within one millisecond: a cursor that kept only milliseconds would lose or repeat some.
    for (const [i, a] of made.entries()) await t.db.query(`UPDATE agencies SET created_at = timestamptz '2024-05-01T10:00:00.123Z' + $2 * interval '1 microsecond' WHERE id = $1`, [a.id, i * 100]);
    for (const order of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await request(t.server).get('/api/v1/agencies').set(admin.auth).query({ q: `Mikro ${tag}`, sort: 'createdAt', order, limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
        seen.push(...res.body.items.map((a: { name: string }) => a.name));
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      const names = [1, 2, 3, 4, 5].map((i) => `Mikro ${tag} ${i}`);
      expect(seen).toEqual(order === 'asc' ? names : names.reverse());
    }
  });

  it('pages a nullable column: values first, then the NULLs by id, each row once', async () => {
    const tag = randomUUID().slice(0, 8);
    const repo = t.db.getRepository(Place);
    const places = await repo.save(['b', null, 'a', null, 'c', null].map((address, i) => repo.create({
      name: `Nullbar ${tag} ${i}`, kind: 'other', sensitiveKind: null, lat: 0, lon: 0, districtId: null, address: address && `${address} ${tag}`, active: true,
    })));
    const byId = [...places].sort((x, y) => (x.id < y.id ? -1 : 1));
    const nullIds = byId.filter((p) => p.address === null).map((p) => p.id);
    for (const order of ['asc', 'desc'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const qb = t.db.getRepository(Place).createQueryBuilder('p').where('p.name LIKE :n', { n: `Nullbar ${tag} %` });
        const page = await paginate(qb, { limit: 2, cursor, sort: 'address', order }, { address: { sql: 'p.address', type: 'text', nullable: true } }, { sql: 'p.id', type: 'uuid' });
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const withValue = places.filter((p) => p.address !== null).sort((x, y) => (x.address! < y.address! ? -1 : 1)).map((p) => p.id);
      expect(seen).toEqual(order === 'asc' ? [...withValue, ...nullIds] : [...withValue.reverse(), ...[...nullIds].reverse()]);
    }
  });
});
