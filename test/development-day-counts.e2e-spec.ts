import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { toTrendResponse } from '#api/developments/development.mapper.js';
import type { Agency } from '#domain/agencies/agency.entity.js';
import type { Actor } from '#domain/common/actor.js';
import { addDays, berlinAt } from '#domain/common/berlin-time.js';
import { type CountSource, type DayCountFilter, rollupAnswers, seriesRows, splitByBerlinDays, summaryRows, trendBuckets, trendRows, trendRowsKept, type TrendRowQuery } from '#domain/developments/development-day-counts.js';
import type { DevelopmentCategory, Visibility } from '#domain/developments/development-enums.js';
import { DevelopmentTrendsService } from '#domain/developments/development-trends.service.js';
import { VISIBILITY_COLUMNS, type VisibilityViewer } from '#domain/developments/development-visibility.js';
import { Development } from '#domain/developments/development.entity.js';
import type { TestPerson } from '#testing/factories.js';
import { holdScopeCounter } from '#testing/scope-hold.js';
import { statementsOf } from '#testing/statements.js';
import { claimTestArea } from '#testing/test-area.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

// Issue 11: trends and summaries add up development_day_counts (kept by triggers, migration
// 1765850000000) for whole Berlin days, and trends by district take whole weeks and months from
// development_bucket_counts (per visibility scope). These tests hold both paths to counting the
// developments directly: over random data with every visibility class, withdrawals and updates that move
// developments between days, districts, places and categories, for viewers of every kind.
let t: TestApp;
let people: TestPerson[];
let foreign: Agency;
let districts: string[];
let places: string[];
let area: { lat: number; lon: number };

const CATEGORIES: DevelopmentCategory[] = ['syringe_finds', 'complaint', 'dealing'];
// Spring 2025: the DST switch on 30 March, month ends, and weeks across both.
const BASE_DAY = '2025-03-01';
const SPAN_DAYS = 75;

beforeAll(async () => {
  t = await createTestApp();
  const agencies = [await t.make.agency(), await t.make.agency(), await t.make.agency()];
  people = await Promise.all(agencies.map((agency) => t.make.person(['liaison'], { agency })));
  foreign = await t.make.agency();
  area = await claimTestArea(t.db);
  const suffix = () => Math.random().toString(36).slice(2, 8).toUpperCase();
  districts = [];
  for (let i = 0; i < 2; i++) {
    const [d] = (await t.db.query(`INSERT INTO districts (name, code) VALUES ($1, $2) RETURNING id`, [`Zählbezirk ${i} ${suffix()}`, `ZB-${suffix()}`])) as Array<{ id: string }>;
    districts.push(d!.id);
  }
  places = [];
  for (let i = 0; i < 3; i++) {
    const [p] = (await t.db.query(`INSERT INTO places (name, kind, lat, lon, district_id) VALUES ($1, 'scene', $2, $3, $4) RETURNING id`,
      [`Zählort ${i} ${suffix()}`, area.lat, area.lon, districts[i % 2]])) as Array<{ id: string }>;
    places.push(p!.id);
  }
});
afterAll(() => t?.close());

type Spec = {
  category: number; day: number; minute: number; district: number; place: number; agency: number;
  visibility: Visibility; named: number[]; count: number | null; near: boolean; withdrawn: boolean;
};

// Minutes of the day biased to the edges of a Berlin day, where a wrong day would show.
const minute = fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.constantFrom(0, 1, 59, 60, 61, 119, 120, 1380, 1438, 1439));
const spec: fc.Arbitrary<Spec> = fc.record({
  category: fc.integer({ min: 0, max: CATEGORIES.length - 1 }),
  day: fc.integer({ min: 0, max: SPAN_DAYS }),
  minute,
  district: fc.integer({ min: 0, max: 2 }),
  place: fc.integer({ min: 0, max: 3 }),
  agency: fc.integer({ min: 0, max: 2 }),
  visibility: fc.constantFrom<Visibility>('all', 'own_agency', 'agencies'),
  named: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
  count: fc.option(fc.integer({ min: 0, max: 20 })),
  near: fc.boolean(),
  withdrawn: fc.boolean(),
});

/** Agency ids by index: the three test agencies and, as index 3, one that reports nothing. */
const agencyIds = () => [...people.map((p) => p.agency.id), foreign.id];

function columns(s: Spec): Partial<Development> {
  const agency = people[s.agency]!;
  return {
    category: CATEGORIES[s.category]!,
    observedAt: berlinAt(addDays(BASE_DAY, s.day), Math.floor(s.minute / 60), s.minute % 60),
    districtId: districts[s.district] ?? null,
    placeId: places[s.place] ?? null,
    reportingAgencyId: agency.agency.id,
    reporterId: agency.person.id,
    visibility: s.visibility,
    visibleAgencyIds: s.visibility === 'agencies' ? s.named.map((i) => agencyIds()[i]!) : [],
    count: s.count,
    nearestSensitivePlaceId: s.near ? places[0]! : null,
    withdrawnAt: s.withdrawn ? new Date() : null,
    withdrawnBy: s.withdrawn ? agency.person.id : null,
  };
}

type Query = { viewer: number; confirmed: boolean; interval: 'week' | 'month'; groupBy: 'district' | 'place'; measure: 'reports' | 'sum'; filter: number; from: number; to: number };
const query: fc.Arbitrary<Query> = fc.record({
  viewer: fc.integer({ min: 0, max: 3 }),
  confirmed: fc.boolean(),
  interval: fc.constantFrom<'week' | 'month'>('week', 'month'),
  groupBy: fc.constantFrom<'district' | 'place'>('district', 'place'),
  measure: fc.constantFrom<'reports' | 'sum'>('reports', 'sum'),
  filter: fc.integer({ min: 0, max: 8 }),
  // Minutes from the base day: `to` anywhere in a day, so that the last day is partial.
  from: fc.integer({ min: 0, max: SPAN_DAYS * 1440 }),
  to: fc.integer({ min: 1, max: (SPAN_DAYS + 2) * 1440 }),
});

function filterOf(i: number, agency: string): DayCountFilter {
  // Every filter keeps to this suite's districts, places or agencies, but one: the whole city,
  // where other suites' developments count too (both paths read one snapshot).
  return [
    { agencyId: agency },
    { districtId: districts[0]! },
    { placeId: places[1]! },
    { agencyId: agency, categories: ['syringe_finds', 'dealing'] as DevelopmentCategory[] },
    { districtId: districts[1]!, nearSensitiveOnly: true },
    { agencyId: agency, nearSensitiveOnly: true },
    {},
    { districtId: districts[1]!, categories: ['complaint', 'dealing'] as DevelopmentCategory[] },
    { categories: ['syringe_finds'] as DevelopmentCategory[] },
  ][i]!;
}

/** Rows as comparable text, whatever the order of rows and of their keys. */
const sorted = <T extends object>(rows: T[]) => rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))).sort();

/** The viewer, range and row query a generated Query stands for. */
function setup(q: Query): { from: Date; to: Date; viewer: VisibilityViewer; rq: TrendRowQuery } {
  const from = new Date(berlinAt(BASE_DAY, 0).getTime() + Math.min(q.from, q.to - 1) * 60_000);
  const to = new Date(berlinAt(BASE_DAY, 0).getTime() + Math.max(q.to, q.from + 1) * 60_000);
  const viewer: VisibilityViewer = { agencyId: agencyIds()[q.viewer]!, accessConfirmed: q.confirmed };
  const rq: TrendRowQuery = { to, interval: q.interval, groupBy: q.groupBy, measure: q.measure, filter: filterOf(q.filter, people[q.viewer % 3]!.agency.id) };
  return { from, to, viewer, rq };
}

async function bothPaths(q: Query): Promise<{ direct: unknown[]; counted: unknown[]; rolled: unknown[]; rollup: boolean; summaryDirect: unknown[]; summaryCounted: unknown[]; nonZero: boolean }> {
  const { from, to, viewer, rq } = setup(q);
  return t.db.transaction('REPEATABLE READ', async (m) => {
    const buckets = await trendBuckets(m, from, to, q.interval);
    const rows = (source: CountSource) => trendRows(m, viewer, rq, buckets, source);
    const summary = (source: CountSource) => summaryRows(m, viewer, from, to, source);
    const direct = await rows('developments');
    return { direct: sorted(direct), counted: sorted(await rows('day_counts')), rolled: sorted(await rows('bucket_counts')), rollup: rollupAnswers(rq), summaryDirect: sorted(await summary('developments')), summaryCounted: sorted(await summary('day_counts')), nonZero: direct.some((r) => r.count > 0) };
  });
}

describe('trend counts from the day counts equal counting the developments', () => {
  it('the counts carry the visibility columns under the names and types developments has (one rule narrows both)', async () => {
    const types = (table: string) => t.db.query(
      `SELECT column_name AS name, udt_name AS type FROM information_schema.columns WHERE table_name = $1 AND column_name = ANY($2) ORDER BY column_name`, [table, [...VISIBILITY_COLUMNS]]);
    const onCounts = await types('development_day_counts');
    expect(onCounts).toHaveLength(VISIBILITY_COLUMNS.length);
    expect(onCounts).toEqual(await types('developments'));
  });

  it('splits a range into whole Berlin days and the partial ends, DST included', () => {
    // 30 March 2025: the night the clocks go forward, a day of 23 hours. From 23:30 on the 29th
    // (winter time) to noon on 1 April (summer time).
    const s = splitByBerlinDays(new Date('2025-03-29T22:30:00Z'), new Date('2025-04-01T10:00:00Z'));
    expect(s.days).toEqual({ first: '2025-03-30', end: '2025-04-01' });
    expect(s.partial).toEqual([
      { from: new Date('2025-03-29T22:30:00Z'), to: new Date('2025-03-29T23:00:00Z') },
      { from: new Date('2025-03-31T22:00:00Z'), to: new Date('2025-04-01T10:00:00Z') },
    ]);
    expect(splitByBerlinDays(new Date('2025-03-29T23:00:00Z'), new Date('2025-03-30T22:00:00Z'))).toEqual({ days: { first: '2025-03-30', end: '2025-03-31' }, partial: [] });
    expect(splitByBerlinDays(new Date('2025-03-30T05:00:00Z'), new Date('2025-03-30T06:00:00Z')).days).toBeNull();
  });

  it('over random developments, updates and withdrawals, for every kind of viewer and query', async () => {
    let nonZero = 0;
    let rolledNonZero = 0;
    const repo = t.db.getRepository(Development);
    await fc.assert(fc.asyncProperty(
      fc.array(spec, { minLength: 1, maxLength: 20 }),
      fc.array(fc.record({ target: fc.nat(), to: spec, fields: fc.subarray(['day', 'minute', 'category', 'district', 'place', 'agency', 'visibility', 'named', 'count', 'near', 'withdrawn'] as const, { minLength: 1 }) }), { maxLength: 8 }),
      fc.array(query, { minLength: 1, maxLength: 4 }),
      async (specs, updates, queries) => {
        // One multi-row INSERT, then single-row UPDATEs and one UPDATE of several rows at once:
        // the triggers work per statement.
        const saved = await repo.save(specs.map((s) => repo.create({ ...columns(s), lat: area.lat, lon: area.lon, substances: [], severity: 2, description: '' })));
        for (const u of updates) {
          const target = saved[u.target % saved.length]!;
          const merged = { ...specs[u.target % saved.length]! };
          for (const f of u.fields) (merged as Record<string, unknown>)[f] = u.to[f];
          await repo.update({ id: target.id }, columns(merged));
        }
        if (saved.length > 1) await t.db.query(`UPDATE developments SET observed_at = observed_at + interval '1 day', category = 'complaint' WHERE id = ANY($1)`, [saved.slice(0, 2).map((d) => d.id)]);
        for (const q of queries) {
          const r = await bothPaths(q);
          expect(r.counted).toEqual(r.direct);
          expect(r.rolled).toEqual(r.direct);
          if (r.rollup && r.nonZero) rolledNonZero++;
          expect(r.summaryCounted).toEqual(r.summaryDirect);
          if (r.nonZero) nonZero++;
        }
      },
    ), { numRuns: 40 });
    // The comparison saw counts, not only empty answers on both sides.
    expect(nonZero).toBeGreaterThan(10);
    // ... and the rollup answered part of them (grouped by district, no place/agency/flag filter).
    expect(rolledNonZero).toBeGreaterThan(3);
  }, 240_000);

  it('brought up to date by the rollup rows changed since an earlier read, trend counts equal counting afresh (random writes between the reads)', async () => {
    // Issue 11: after a write the trends cache reads only the rollup rows written since its last
    // read's snapshot (their xmin, see rollupState). Both reads of each query are
    // snapshots; the second and the direct count share one, so that other suites' writes in
    // between count on both sides.
    let broughtUp = 0;
    let moved = 0;
    const repo = t.db.getRepository(Development);
    const update = fc.record({ target: fc.nat(), to: spec, fields: fc.subarray(['day', 'minute', 'category', 'district', 'agency', 'visibility', 'named', 'count', 'withdrawn'] as const, { minLength: 1 }) });
    await fc.assert(fc.asyncProperty(
      fc.array(spec, { minLength: 1, maxLength: 12 }), fc.array(spec, { maxLength: 6 }), fc.array(update, { maxLength: 6 }), fc.array(query, { minLength: 1, maxLength: 3 }),
      async (initial, added, updates, queries) => {
        const saved = await repo.save(initial.map((s) => repo.create({ ...columns(s), lat: area.lat, lon: area.lon, substances: [], severity: 2, description: '' })));
        // Grouped by district and filtered at most by district and category: what the rollup answers.
        const setups = queries.map((q) => setup({ ...q, groupBy: 'district', filter: [1, 6, 7, 8][q.filter % 4]! }));
        const first = await Promise.all(setups.map(({ from, viewer, rq }) => t.db.transaction('REPEATABLE READ', async (m) => {
          const buckets = await trendBuckets(m, from, rq.to, rq.interval);
          const kept = await trendRowsKept(m, viewer, rq, buckets, 'bucket_counts');
          // As rows now: the state is brought up to date in place by the second read, the series stay.
          return { buckets, kept, rows: seriesRows(kept.series.values(), buckets) };
        })));
        if (added.length) await repo.save(added.map((s) => repo.create({ ...columns(s), lat: area.lat, lon: area.lon, substances: [], severity: 2, description: '' })));
        for (const u of updates) {
          const i = u.target % saved.length;
          const merged = { ...initial[i]! };
          for (const f of u.fields) (merged as Record<string, unknown>)[f] = u.to[f];
          await repo.update({ id: saved[i]!.id }, columns(merged));
        }
        for (const [i, { viewer, rq }] of setups.entries()) {
          await t.db.transaction('REPEATABLE READ', async (m) => {
            const { buckets, kept, rows } = first[i]!;
            const again = await trendRowsKept(m, viewer, rq, buckets, 'bucket_counts', kept.rollup ?? undefined);
            const againRows = seriesRows(again.series.values(), buckets);
            expect(sorted(againRows)).toEqual(sorted(await trendRows(m, viewer, rq, buckets, 'developments')));
            // The series of the first read did not change with it.
            expect(sorted(seriesRows(kept.series.values(), buckets))).toEqual(sorted(rows));
            if (kept.rollup && again.rollup) {
              broughtUp++;
              if (sorted(rows).join() !== sorted(againRows).join()) moved++;
            }
          });
        }
      },
    ), { numRuns: 30 });
    // The comparison brought earlier reads up to date, and the writes moved some of their counts.
    expect(broughtUp).toBeGreaterThan(10);
    expect(moved).toBeGreaterThan(5);
  }, 240_000);

  it('keeps rollup rows that fell to zero, so that a later read learns they went (a new row version, like every change)', async () => {
    const [a] = people as [TestPerson];
    const district = (await t.db.query(`INSERT INTO districts (name, code) VALUES ($1, $2) RETURNING id`,
      [`Zählbezirk N ${Math.random().toString(36).slice(2, 8)}`, `ZN-${Math.random().toString(36).slice(2, 8).toUpperCase()}`]) as Array<{ id: string }>)[0]!.id;
    const repo = t.db.getRepository(Development);
    const d = await repo.save(repo.create({ category: 'dealing', lat: area.lat, lon: area.lon, placeId: null, districtId: district, substances: [], severity: 2, description: '',
      reportingAgencyId: a.agency.id, reporterId: a.person.id, count: 2, nearestSensitivePlaceId: null, observedAt: new Date('2025-05-14T10:00:00Z'), visibility: 'own_agency', visibleAgencyIds: [] }));
    const rows = () => t.db.query(`SELECT grain, reports::int, total::int, xmin::text AS xmin FROM development_bucket_counts WHERE district_id = $1 ORDER BY grain`, [district]) as Promise<Array<{ grain: string; reports: number; total: number; xmin: string }>>;
    const before = await rows();
    expect(before.map(({ xmin: _x, ...r }) => r)).toEqual([{ grain: 'month', reports: 1, total: 2 }, { grain: 'week', reports: 1, total: 2 }]);
    await repo.update({ id: d.id }, { withdrawnAt: new Date(), withdrawnBy: a.person.id });
    const after = await rows();
    expect(after.map(({ xmin: _x, ...r }) => r)).toEqual([{ grain: 'month', reports: 0, total: 0 }, { grain: 'week', reports: 0, total: 0 }]);
    expect(after.map((r) => r.xmin)).not.toEqual(before.map((r) => r.xmin));
  });

  it('the service brings its rollup part up to date after a write and in the next minute, and answers as counting afresh would', async () => {
    const [a] = people as [TestPerson];
    const trends = t.app.get(DevelopmentTrendsService);
    const viewer: Actor = { id: a.person.id, agencyId: a.agency.id, roles: ['liaison'], accessConfirmed: true };
    // Whole weeks of spring 2025, then a partial week: to at two minutes of the same day.
    const q = (toMinute: number) => ({ from: berlinAt('2025-03-03', 0), to: berlinAt('2025-04-09', 10, toMinute), interval: 'week' as const, groupBy: 'district' as const, measure: 'sum' as const, filter: { districtId: districts[0]! } });
    const repo = t.db.getRepository(Development);
    const add = (day: string, visibility: Visibility) => repo.save(repo.create({ category: 'dealing', lat: area.lat, lon: area.lon, placeId: null, districtId: districts[0]!, substances: [], severity: 2, description: '',
      reportingAgencyId: a.agency.id, reporterId: a.person.id, count: 5, nearestSensitivePlaceId: null, observedAt: berlinAt(day, 12), visibility, visibleAgencyIds: [] }));
    const direct = (query: ReturnType<typeof q>) => t.db.transaction('REPEATABLE READ', async (m) => {
      const buckets = await trendBuckets(m, query.from, query.to, query.interval);
      const rows = await trendRows(m, viewer, query, buckets, 'developments');
      return Object.fromEntries(rows.filter((r) => r.bucket !== buckets[0]!.bucket && r.count).map((r) => [`${r.bucket}|${r.category}`, r.count]));
    });
    const answered = async (query: ReturnType<typeof q>) => {
      const r = await trends.trends(viewer, query);
      return Object.fromEntries(r.series.flatMap((x) => x.points.filter((p) => p.count).map((p) => [`${p.bucket}|${x.category}`, p.count])));
    };
    // Statements that read the rollup: all of it (reports <> 0) or what may have changed since (by xmin).
    const rollupReads = async (fn: () => Promise<unknown>) => (await statementsOf(t.db, fn))
      .filter((sql) => sql.includes('FROM development_bucket_counts')).map((sql) => (sql.includes('age(c.xmin)') ? 'changed' : 'all'));
    await add('2025-03-12', 'all');
    expect(await rollupReads(async () => expect(await answered(q(0))).toEqual(await direct(q(0))))).toEqual(['all']);
    await add('2025-03-19', 'own_agency');
    expect(await rollupReads(async () => expect(await answered(q(0))).toEqual(await direct(q(0))))).toEqual(['changed']);
    // The next minute is another cache key: its first read starts from the previous minute's rollup part.
    await add('2025-03-26', 'all');
    expect(await rollupReads(async () => expect(await answered(q(1))).toEqual(await direct(q(1))))).toEqual(['changed']);
    // Then from the cache: nothing read again (unless another suite's public write moved the counter meanwhile).
    expect((await rollupReads(async () => expect(await answered(q(1))).toEqual(await direct(q(1))))).filter((x) => x === 'all')).toEqual([]);
  });

  it('holds exactly the live developments: no stale, negative or empty rows for this suite\'s agencies', async () => {
    const ids = people.map((p) => p.agency.id);
    const [diff] = (await t.db.query(`
      WITH counted AS (
        SELECT day, category, district_id, place_id, near_sensitive, reporting_agency_id, visibility, visible_agency_ids, reports, total
          FROM development_day_counts WHERE reporting_agency_id = ANY($1)),
      direct AS (
        SELECT (observed_at AT TIME ZONE 'Europe/Berlin')::date AS day, category, district_id, place_id, nearest_sensitive_place_id IS NOT NULL AS near_sensitive,
               reporting_agency_id, visibility, visible_agency_ids, count(*) AS reports, sum(coalesce(count, 1)) AS total
          FROM developments WHERE withdrawn_at IS NULL AND reporting_agency_id = ANY($1)
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8)
      SELECT (SELECT count(*) FROM (SELECT * FROM counted EXCEPT SELECT * FROM direct) a)::int AS extra,
             (SELECT count(*) FROM (SELECT * FROM direct EXCEPT SELECT * FROM counted) b)::int AS missing,
             (SELECT count(*) FROM counted)::int AS rows`, [ids])) as Array<{ extra: number; missing: number; rows: number }>;
    expect(diff).toEqual({ extra: 0, missing: 0, rows: expect.any(Number) });
    expect(diff!.rows).toBeGreaterThan(0);
  });

  it('the rollup holds exactly the live developments per scope: public ones under \'all\', restricted ones once per agency that may see them', async () => {
    // The scopes restated here from the visibility rule itself (not from developmentScopesSql):
    // UNION drops an agency named twice, or the reporting agency named in its own list.
    const [diff] = (await t.db.query(`
      WITH live AS (
        SELECT d.*, (observed_at AT TIME ZONE 'Europe/Berlin')::date AS day, coalesce(count, 1) AS amount
          FROM developments d WHERE withdrawn_at IS NULL AND district_id = ANY($1)),
      scoped AS (
        SELECT id, 'all' AS scope FROM live WHERE visibility = 'all'
        UNION SELECT id, reporting_agency_id::text FROM live WHERE visibility <> 'all'
        UNION SELECT id, unnest(visible_agency_ids)::text FROM live WHERE visibility = 'agencies'),
      direct AS (
        SELECT g.grain, (CASE g.grain WHEN 'week' THEN l.day - (extract(isodow FROM l.day)::int - 1) ELSE l.day - (extract(day FROM l.day)::int - 1) END) AS bucket,
               l.category, l.district_id, s.scope, count(*) AS reports, sum(l.amount) AS total
          FROM live l JOIN scoped s ON s.id = l.id CROSS JOIN (VALUES ('week'), ('month')) g(grain)
         GROUP BY 1, 2, 3, 4, 5),
      -- Rows that fell to zero stay (a later read learns they went, migration 1765860000000).
      counted AS (
        SELECT grain, bucket, category, district_id, scope, reports, total FROM development_bucket_counts WHERE district_id = ANY($1) AND reports <> 0)
      SELECT (SELECT count(*) FROM (SELECT * FROM counted EXCEPT SELECT * FROM direct) a)::int AS extra,
             (SELECT count(*) FROM (SELECT * FROM direct EXCEPT SELECT * FROM counted) b)::int AS missing,
             (SELECT count(*) FROM counted)::int AS rows,
             (SELECT count(DISTINCT scope) FROM counted WHERE scope <> 'all')::int AS agencies`, [districts])) as Array<{ extra: number; missing: number; rows: number; agencies: number }>;
    expect(diff).toEqual({ extra: 0, missing: 0, rows: expect.any(Number), agencies: expect.any(Number) });
    expect(diff!.rows).toBeGreaterThan(0);
    expect(diff!.agencies).toBeGreaterThan(1);
  });

  it('counts a restricted development once for the reporting agency named in its own list, and for each named agency (rollup, by example)', async () => {
    const [a, b] = people as [TestPerson, TestPerson];
    const district = (await t.db.query(`INSERT INTO districts (name, code) VALUES ($1, $2) RETURNING id`,
      [`Zählbezirk X ${Math.random().toString(36).slice(2, 8)}`, `ZX-${Math.random().toString(36).slice(2, 8).toUpperCase()}`]) as Array<{ id: string }>)[0]!.id;
    const repo = t.db.getRepository(Development);
    const base = { category: 'dealing' as const, lat: area.lat, lon: area.lon, placeId: null, districtId: district, substances: [], severity: 2, description: '',
      reportingAgencyId: a.agency.id, reporterId: a.person.id, count: 3, nearestSensitivePlaceId: null };
    // Wednesday 14 May 2025: week of 12 May, month May.
    const d = await repo.save(repo.create({ ...base, observedAt: new Date('2025-05-14T10:00:00Z'), visibility: 'agencies', visibleAgencyIds: [a.agency.id, b.agency.id, foreign.id] }));
    await repo.save(repo.create({ ...base, observedAt: new Date('2025-05-15T10:00:00Z'), visibility: 'all', visibleAgencyIds: [] }));
    type Row = { grain: string; bucket: string; scope: string; reports: number; total: number };
    const order = (x: Row, y: Row) => `${x.grain}|${x.bucket}|${x.scope}` < `${y.grain}|${y.bucket}|${y.scope}` ? -1 : 1;
    const rows = async (): Promise<Row[]> => ((await t.db.query(
      `SELECT grain, to_char(bucket, 'YYYY-MM-DD') AS bucket, scope, reports::int, total::int FROM development_bucket_counts WHERE district_id = $1 AND reports <> 0`, [district])) as Row[]).sort(order);
    const expected = (buckets: { week: string; month: string }, scopes: Array<[string, number, number]>): Row[] => (['month', 'week'] as const).flatMap((grain) =>
      scopes.map(([scope, reports, total]) => ({ grain, bucket: buckets[grain], scope, reports, total }))).sort(order);
    const may = { week: '2025-05-12', month: '2025-05-01' };
    expect(await rows()).toEqual(expected(may, [['all', 1, 3], [a.agency.id, 1, 3], [b.agency.id, 1, 3], [foreign.id, 1, 3]]));
    // Narrowed to its own agency, then moved into June (another week and month), then withdrawn.
    await repo.update({ id: d.id }, { visibility: 'own_agency', visibleAgencyIds: [] });
    expect(await rows()).toEqual(expected(may, [['all', 1, 3], [a.agency.id, 1, 3]]));
    // Monday 2 June 2025: week of 2 June, month June.
    await repo.update({ id: d.id }, { observedAt: new Date('2025-06-02T10:00:00Z') });
    expect(await rows()).toEqual([...expected(may, [['all', 1, 3]]), ...expected({ week: '2025-06-02', month: '2025-06-01' }, [[a.agency.id, 1, 3]])].sort(order));
    await repo.update({ id: d.id }, { withdrawnAt: new Date(), withdrawnBy: a.person.id });
    expect(await rows()).toEqual(expected(may, [['all', 1, 3]]));
  });

  it('puts the hours around midnight and the DST switch into the right week and month (service, by example)', async () => {
    const agency = await t.make.agency();
    const who = await t.make.person(['liaison'], { agency });
    const repo = t.db.getRepository(Development);
    const base = { category: 'syringe_finds' as const, lat: area.lat, lon: area.lon, placeId: null, districtId: null, substances: [], severity: 2, description: '',
      reportingAgencyId: agency.id, reporterId: who.person.id, visibility: 'all' as const, visibleAgencyIds: [] };
    // Sunday 30 March 2025, 23:30 Berlin (21:30 UTC, summer time): week of 24 March, month March.
    const late = await repo.save(repo.create({ ...base, observedAt: new Date('2025-03-30T21:30:00Z'), count: 4 }));
    // Monday 31 March, 00:10 Berlin (30 March 22:10 UTC): week of 31 March, still March.
    await repo.save(repo.create({ ...base, observedAt: new Date('2025-03-30T22:10:00Z'), count: null }));
    // 1 April 00:00 Berlin: April; and a withdrawn one that counts nowhere.
    await repo.save(repo.create({ ...base, observedAt: new Date('2025-03-31T22:00:00Z'), count: 2 }));
    await repo.save(repo.create({ ...base, observedAt: new Date('2025-03-31T23:00:00Z'), count: 9, withdrawnAt: new Date(), withdrawnBy: who.person.id }));
    const trends = t.app.get(DevelopmentTrendsService);
    const viewer: Actor = { id: who.person.id, agencyId: agency.id, roles: ['liaison'], accessConfirmed: true };
    const points = async (interval: 'week' | 'month', measure: 'reports' | 'sum') => {
      const r = await trends.trends(viewer, { from: new Date('2025-03-17T00:00:00+01:00'), to: new Date('2025-04-08T00:00:00+02:00'), interval, groupBy: 'district', measure, filter: { agencyId: agency.id } });
      return Object.fromEntries(r.series[0]!.points.filter((p) => p.count).map((p) => [p.bucket, p.count]));
    };
    expect(await points('week', 'reports')).toEqual({ '2025-03-24': 1, '2025-03-31': 2 });
    expect(await points('week', 'sum')).toEqual({ '2025-03-24': 4, '2025-03-31': 3 });
    expect(await points('month', 'sum')).toEqual({ '2025-03-01': 5, '2025-04-01': 2 });
    // A correction that moves the late one across midnight into the next week, then its withdrawal.
    await repo.update({ id: late.id }, { observedAt: new Date('2025-03-30T22:30:00Z') });
    expect(await points('week', 'sum')).toEqual({ '2025-03-31': 7 });
    await repo.update({ id: late.id }, { withdrawnAt: new Date(), withdrawnBy: who.person.id });
    expect(await points('week', 'sum')).toEqual({ '2025-03-31': 3 });
  });
});

describe('the trends answer as JSON', () => {
  it('is exactly the answer serialised, also when only the series that changed since the last answer are serialised again', async () => {
    const [a] = people as [TestPerson];
    const trends = t.app.get(DevelopmentTrendsService);
    const viewer: Actor = { id: a.person.id, agencyId: a.agency.id, roles: ['liaison'], accessConfirmed: true };
    const repo = t.db.getRepository(Development);
    const add = (districtId: string | null, category: DevelopmentCategory, daysAgo: number) => repo.save(repo.create({ category, lat: area.lat, lon: area.lon, placeId: null, districtId, substances: [], severity: 2, description: '',
      reportingAgencyId: a.agency.id, reporterId: a.person.id, count: 2, nearestSensitivePlaceId: null, observedAt: new Date(Date.now() - daysAgo * 86_400_000), visibility: 'all', visibleAgencyIds: [] }));
    for (const [i, d] of [districts[0]!, districts[1]!, null].entries()) for (const c of CATEGORIES) await add(d, c, 3 + 9 * i);
    // Grouped by district (the rollup and the partial week), by place (the day counts), by month.
    const queries = [
      { from: new Date(Date.now() - 40 * 86_400_000), to: new Date(Date.now() + 86_400_000), interval: 'week' as const, groupBy: 'district' as const, measure: 'reports' as const, filter: { agencyId: a.agency.id } },
      { from: new Date(Date.now() - 40 * 86_400_000), to: new Date(Date.now() + 86_400_000), interval: 'week' as const, groupBy: 'district' as const, measure: 'sum' as const, filter: { districtId: districts[0]! } },
      { from: new Date(Date.now() - 90 * 86_400_000), to: new Date(Date.now() + 86_400_000), interval: 'month' as const, groupBy: 'place' as const, measure: 'reports' as const, filter: {} },
    ];
    const check = async () => {
      for (const q of queries) {
        const answer = await trends.trendsAnswer(viewer, q);
        const text = answer.json();
        expect(text).toBe(JSON.stringify(toTrendResponse(answer.build())));
        // Asked again: the same text (from the fragments kept).
        expect((await trends.trendsAnswer(viewer, q)).json()).toBe(text);
      }
    };
    await check();
    // After writes that change one series, add a new one and empty another: serialised again in part.
    const one = await add(districts[1]!, 'dealing', 2);
    await check();
    await repo.update({ id: one.id }, { withdrawnAt: new Date(), withdrawnBy: a.person.id, withdrawalReason: 'Test' });
    await add(districts[0]!, 'complaint', 1);
    await check();
  });
});

describe('single flight', () => {
  it('concurrent identical trend requests after a write compute once per visibility scope', async () => {
    const [a] = people as [TestPerson];
    const trends = t.app.get(DevelopmentTrendsService);
    const compute = jest.spyOn(trends as unknown as { compute: (...args: unknown[]) => Promise<unknown> }, 'compute');
    const viewer = (accessConfirmed: boolean): Actor => ({ id: a.person.id, agencyId: a.agency.id, roles: ['liaison'], accessConfirmed });
    const q = { from: new Date(Date.now() - 60 * 86_400_000), to: new Date(Date.now() + 60_000), interval: 'week' as const, groupBy: 'district' as const, measure: 'reports' as const, filter: { agencyId: a.agency.id } };
    const repo = t.db.getRepository(Development);
    await repo.save(repo.create({ category: 'complaint', observedAt: new Date(Date.now() - 3600_000), lat: area.lat, lon: area.lon, placeId: null, districtId: null, count: null,
      substances: [], severity: 2, description: '', reportingAgencyId: a.agency.id, reporterId: a.person.id, visibility: 'all', visibleAgencyIds: [] }));
    // Other suites write meanwhile; holding both counters of the viewer's signal keeps it still.
    const releases = [await holdScopeCounter(t.db, 'all'), await holdScopeCounter(t.db, a.agency.id)];
    try {
      compute.mockClear();
      const results = await Promise.all([...Array.from({ length: 6 }, () => trends.trends(viewer(true), q)), ...Array.from({ length: 3 }, () => trends.trends(viewer(false), q))]);
      // One computation for the confirmed member's scope, one for the public scope.
      expect(compute).toHaveBeenCalledTimes(2);
      for (const r of results.slice(1, 6)) expect(r).toEqual(results[0]);
      for (const r of results.slice(7)) expect(r).toEqual(results[6]);
      expect(results[0]!.series.reduce((s, x) => s + x.total, 0)).toBeGreaterThan(0);
      // Asked again with nothing changed: from the cache.
      await trends.trends(viewer(true), q);
      expect(compute).toHaveBeenCalledTimes(2);
    } finally {
      for (const release of releases) await release();
      compute.mockRestore();
    }
  });

  it('readers who each wrote while a computation ran share the next one, and each sees their own write', async () => {
    const [a] = people as [TestPerson];
    const trends = t.app.get(DevelopmentTrendsService);
    const spy = trends as unknown as { compute: (...args: unknown[]) => Promise<unknown> };
    const original = spy.compute.bind(trends);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => { open = resolve; });
    // Counted from the reads below on (the first read before them computes too).
    let calls = -1;
    const compute = jest.spyOn(spy, 'compute').mockImplementation(async (...args) => {
      // The first computation reads at once (before the writes below) and answers once they are
      // done; the readers meanwhile find it running.
      const first = ++calls === 1;
      const result = await original(...args);
      if (first) await gate;
      return result;
    });
    const viewer: Actor = { id: a.person.id, agencyId: a.agency.id, roles: ['liaison'], accessConfirmed: true };
    const q = { from: new Date(Date.now() - 30 * 86_400_000), to: new Date(Date.now() + 120_000), interval: 'week' as const, groupBy: 'district' as const, measure: 'reports' as const, filter: { agencyId: a.agency.id } };
    const repo = t.db.getRepository(Development);
    const write = () => repo.save(repo.create({ category: 'complaint', observedAt: new Date(Date.now() - 3600_000), lat: area.lat, lon: area.lon, placeId: null, districtId: districts[0]!, count: null,
      substances: [], severity: 2, description: '', reportingAgencyId: a.agency.id, reporterId: a.person.id, visibility: 'all', visibleAgencyIds: [] }));
    const total = (r: { series: Array<{ total: number }> }) => r.series.reduce((sum, x) => sum + x.total, 0);
    try {
      const before = total(await trends.trends(viewer, q));
      calls = 0;
      const reads: Array<Promise<{ series: Array<{ total: number }> }>> = [];
      for (let i = 0; i < 5; i++) {
        await write();
        reads.push(trends.trends(viewer, q));
        // Let the reader read the change counter and find the computation running.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      open();
      const results = await Promise.all(reads);
      // Reader i wrote i + 1 developments before asking: each answer counts at least those.
      results.forEach((r, i) => expect(total(r)).toBeGreaterThanOrEqual(before + i + 1));
      expect(total(results[4]!)).toBe(before + 5);
      // The first computation, and one for everyone who asked while it ran.
      expect(calls).toBe(2);
    } finally {
      open();
      compute.mockRestore();
    }
  });
});
