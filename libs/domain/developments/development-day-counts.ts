import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { addDays, addMonths, berlinDateOf, berlinStartOfDay } from '../common/berlin-time.js';
import { preparedQuery } from '../common/prepared-query.js';
import { developmentInDistrictsSql } from '../places/district-filter.js';
import type { DevelopmentCategory } from './development-enums.js';
import type { DevelopmentFilter } from './development-filter.js';
import { applyDevelopmentFilter } from './development-filter.js';
import { dayCountColumnSql, dayCountMeasureSql, type DevelopmentMeasure, measureSql } from './development-measure.js';
import { applyVisibility, viewerScopes, type VisibilityViewer } from './development-visibility.js';
import { Development } from './development.entity.js';

/**
 * Counts over developments read from development_day_counts (migration 1765850000000) for the whole
 * Berlin days of a range, and from developments for the parts of a day at either end. Both parts go
 * through THE visibility rule (applyVisibility) and leave withdrawn developments out, so that the
 * sum equals counting the rows directly (test/development-day-counts.e2e-spec.ts compares both).
 *
 * Trends that the rollup can answer (grouped by district, filtered at most by category and
 * district) read their whole weeks or months from development_bucket_counts, summed over the
 * viewer's scopes (viewerScopes, THE scope derivation), and only the bucket that `to` cuts from the
 * day counts: a year of weeks is then ~52 buckets x categories x districts x 2 scopes of rows.
 */

/** The filters the counts can answer: each is a column of development_day_counts. */
export type DayCountFilter = Pick<DevelopmentFilter, 'categories' | 'districtId' | 'placeId' | 'agencyId' | 'nearSensitiveOnly'>;

/**
 * Where counts come from: the weekly/monthly rollup where the query allows it (else as
 * 'day_counts'), the pre-aggregated days (plus the partial days), or developments alone.
 */
export type CountSource = 'bucket_counts' | 'day_counts' | 'developments';

export interface DaySplit {
  /** Whole Berlin days [first, end) as dates, or null when the range holds no whole day. */
  days: { first: string; end: string } | null;
  /** The instants outside whole days: at most one piece before them and one after. */
  partial: Array<{ from: Date; to: Date }>;
}

/** [from, to) as whole Berlin calendar days and the pieces of a day left over at either end (DST-correct). */
export function splitByBerlinDays(from: Date, to: Date): DaySplit {
  const fromDay = berlinDateOf(from);
  const first = berlinStartOfDay(fromDay).getTime() === from.getTime() ? fromDay : addDays(fromDay, 1);
  const end = berlinDateOf(to);
  if (first >= end) return { days: null, partial: from < to ? [{ from, to }] : [] };
  const partial: Array<{ from: Date; to: Date }> = [];
  const firstStart = berlinStartOfDay(first);
  if (from < firstStart) partial.push({ from, to: firstStart });
  const endStart = berlinStartOfDay(end);
  if (endStart < to) partial.push({ from: endStart, to });
  return { days: { first, end }, partial };
}

/** The filter on development_day_counts `alias`: the same columns as on developments, near_sensitive for the place flag. */
function applyDayCountFilter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, a: string, f: DayCountFilter): SelectQueryBuilder<T> {
  if (f.districtId) qb.andWhere(developmentInDistrictsSql(a, ':fDistricts'), { fDistricts: [f.districtId] });
  if (f.placeId) qb.andWhere(`${a}.place_id = :fPlace`, { fPlace: f.placeId });
  if (f.categories?.length) qb.andWhere(`${a}.category IN (:...fCategories)`, { fCategories: [...new Set(f.categories)] });
  if (f.agencyId) qb.andWhere(`${a}.reporting_agency_id = :fAgency`, { fAgency: f.agencyId });
  if (f.nearSensitiveOnly) qb.andWhere(`${a}.near_sensitive`);
  return qb;
}

export type TrendInterval = 'week' | 'month';
export type TrendGroupBy = 'district' | 'place';
/** Buckets in Berlin local time: the date a bucket starts (Monday, or the 1st) and its instant. */
export type Bucket = { bucket: string; start: Date };
export type TrendRow = { bucket: string; category: DevelopmentCategory; groupId: string | null; count: number };

export interface TrendRowQuery {
  to: Date;
  interval: TrendInterval;
  groupBy: TrendGroupBy;
  /** Count the developments (default) or sum their `count` (development-measure.ts). */
  measure: DevelopmentMeasure;
  filter: DayCountFilter;
}

/**
 * The buckets of [from, to) in Berlin local time (DST-correct), starting one bucket before `from`:
 * the lead-in bucket gives the first visible bucket its "previous".
 */
export async function trendBuckets(m: EntityManager, from: Date, to: Date, interval: TrendInterval): Promise<Bucket[]> {
  // Interpolated, not bound: it comes from a two-value allowlist.
  const unit = interval === 'month' ? 'month' : 'week';
  const local = (ts: string) => `date_trunc('${unit}', ${ts} AT TIME ZONE 'Europe/Berlin')`;
  return m.query(
    `SELECT to_char(b, 'YYYY-MM-DD') AS bucket, (b AT TIME ZONE 'Europe/Berlin') AS start
       FROM generate_series(${local('$1::timestamptz')} - interval '1 ${unit}', ${local(`($2::timestamptz - interval '1 microsecond')`)}, interval '1 ${unit}') AS b
      ORDER BY b`,
    [from, to],
  );
}

/**
 * Counts of one category and group per bucket (index into the buckets): `count[b]`, and `n[b]`, the
 * developments behind it (in a RollupState: its live rollup rows). A bucket's key occurs when
 * n[b] > 0, also with a count of 0 (a sum of `count`); the series occurs when one of its keys does.
 * Arrays instead of a row per key: a city's year by week is ~20,000 keys, merged and patched per
 * write (issue 11).
 */
export interface SeriesCounts {
  category: DevelopmentCategory;
  groupId: string | null;
  count: Float64Array;
  n: Float64Array;
}

/** Series by `${category}|${groupId ?? ''}`. */
export type SeriesCountsMap = Map<string, SeriesCounts>;

function seriesIn(map: SeriesCountsMap, category: DevelopmentCategory, groupId: string | null, length: number): SeriesCounts {
  const key = `${category}|${groupId ?? ''}`;
  let s = map.get(key);
  if (!s) {
    s = { category, groupId, count: new Float64Array(length), n: new Float64Array(length) };
    map.set(key, s);
  }
  return s;
}

function occurs(s: SeriesCounts): boolean {
  return s.n.some((x) => x > 0);
}

/** The series as rows, one per key that occurs (n > 0). */
export function seriesRows(series: Iterable<SeriesCounts>, buckets: Bucket[]): TrendRow[] {
  const rows: TrendRow[] = [];
  for (const s of series) {
    for (let b = 0; b < buckets.length; b++) if (s.n[b]! > 0) rows.push({ bucket: buckets[b]!.bucket, category: s.category, groupId: s.groupId, count: s.count[b]! });
  }
  return rows;
}

/**
 * Counts per bucket, category and group over [buckets[0].start, q.to). The buckets start at Berlin
 * midnights, so each whole day lies in exactly one bucket: its date truncated to the week or month.
 */
export async function trendRows(m: EntityManager, viewer: VisibilityViewer, q: TrendRowQuery, buckets: Bucket[], source: CountSource): Promise<TrendRow[]> {
  if (source !== 'developments') return seriesRows((await trendRowsKept(m, viewer, q, buckets, source)).series.values(), buckets);
  const series: SeriesCountsMap = new Map();
  addRows(series, await trendRowsFromDevelopments(m, viewer, q, buckets, { from: new Date(buckets[0]!.start), to: q.to }), buckets.length, 1);
  return seriesRows(series.values(), buckets);
}

/**
 * The counts of the whole buckets as the rollup gave them, per scope, and the snapshot they were
 * read in: what a later read needs to bring them up to date by the rows changed since instead of
 * reading them all (rows at zero stay for that, migration 1765860000000). A later read changes it
 * in place (the rows changed since, a few after a write, instead of a copy of ~20,000 values).
 */
export interface RollupState {
  /** How many buckets, from the first, are whole (and come from the rollup). */
  whole: number;
  /** The read's snapshot xmin (32-bit xid, text): rows written by an older transaction were all seen. */
  snapshotXmin: string;
  /** scope|bucket index|category|district -> the count, for each live rollup row. */
  values: Map<string, number>;
  /** The same summed over the scopes, per category and district over the whole buckets (n: live rows). */
  series: SeriesCountsMap;
  /** While a read brings it up to date: another read at the same time reads afresh instead. */
  busy: boolean;
}

/**
 * trendRows as series, keeping the rollup's part (see RollupState). Given the state of an earlier
 * read of the same query, the whole buckets are that state brought up to date (in place) by the
 * rollup rows changed since; the partial buckets at the end are read afresh either way. Read in one
 * snapshot with the caller's change counter (a REPEATABLE READ transaction), so that the state is
 * exactly "as of" it. The series returned are new arrays: later reads do not change them.
 */
export async function trendRowsKept(m: EntityManager, viewer: VisibilityViewer, q: TrendRowQuery, buckets: Bucket[], source: Exclude<CountSource, 'developments'>, prior?: RollupState): Promise<{ series: SeriesCountsMap; rollup: RollupState | null }> {
  // One query after the other: the caller's manager may be a transaction, one connection.
  const series: SeriesCountsMap = new Map();
  let rest = new Date(buckets[0]!.start);
  let rollup: RollupState | null = null;
  if (source === 'bucket_counts' && rollupAnswers(q)) {
    // The buckets start at a bucket start (trendBuckets); those that end by `to` are whole.
    let whole = 0;
    while (whole < buckets.length && berlinStartOfDay(bucketEnd(buckets[whole]!.bucket, q.interval)) <= q.to) whole++;
    if (whole > 0) {
      rollup = await rollupState(m, viewer, q, buckets, whole, prior);
      for (const [key, s] of rollup.series) {
        if (!occurs(s)) continue;
        const copy: SeriesCounts = { category: s.category, groupId: s.groupId, count: new Float64Array(buckets.length), n: new Float64Array(buckets.length) };
        copy.count.set(s.count);
        copy.n.set(s.n);
        series.set(key, copy);
      }
      rest = berlinStartOfDay(bucketEnd(buckets[whole - 1]!.bucket, q.interval));
    }
  }
  if (rest < q.to) {
    const split = splitByBerlinDays(rest, q.to);
    // A last, partial day that is more than half over (a view up to now in the afternoon, and each
    // read right after a write then) is counted as the whole day from the day counts less the
    // developments of that day at or after `to`, which are fewer than those before it: the same
    // counts either way (`rest` is a midnight, so the last partial day starts at one).
    const last = split.partial.at(-1);
    const lastDay = last && last.to.getTime() === q.to.getTime() && mostlyOver(last.from, q.to) ? berlinDateOf(last.from) : null;
    const days = lastDay ? { first: split.days?.first ?? lastDay, end: addDays(lastDay, 1) } : split.days;
    if (days) addRows(series, await trendRowsFromDayCounts(m, viewer, q, buckets, days), buckets.length, 1);
    for (const range of lastDay ? split.partial.slice(0, -1) : split.partial) addRows(series, await trendRowsFromDevelopments(m, viewer, q, buckets, range), buckets.length, 1);
    if (lastDay) addRows(series, await trendRowsFromDevelopments(m, viewer, q, buckets, { from: q.to, to: berlinStartOfDay(addDays(lastDay, 1)) }), buckets.length, -1);
  }
  // A key occurs when a development counts under it (n > 0), also with a sum of 0; a series whose
  // only developments lie after `to` goes, as if they had not been read.
  for (const [key, s] of series) if (!occurs(s)) series.delete(key);
  return { series, rollup };
}

/** Adds (sign 1) or takes away (-1) counted rows. */
function addRows(series: SeriesCountsMap, rows: CountedRow[], length: number, sign: 1 | -1): void {
  for (const r of rows) {
    const s = seriesIn(series, r.category, r.groupId, length);
    s.count[r.b] += sign * r.count;
    s.n[r.b] += sign * r.n;
  }
}

/** Whether `to` lies in the second half of the Berlin day that starts at `dayStart` (23 or 25 hours at the DST switches). */
function mostlyOver(dayStart: Date, to: Date): boolean {
  const end = berlinStartOfDay(addDays(berlinDateOf(dayStart), 1));
  return to.getTime() - dayStart.getTime() > (end.getTime() - dayStart.getTime()) / 2;
}

/** A count in bucket `b` (index) with the number of developments in it (n), which decides whether its key occurs at all. */
type CountedRow = { b: number; category: DevelopmentCategory; groupId: string | null; count: number; n: number };

/** The filters development_bucket_counts answers: its key has category and district, no place, agency or near-sensitive flag. */
const ROLLUP_FILTERS: ReadonlySet<string> = new Set(['categories', 'districtId'] satisfies Array<keyof DayCountFilter>);

/**
 * Whether the rollup answers the query: grouped by district, and every filter that is set one of
 * ROLLUP_FILTERS (an allowlist, so that a filter added later falls back to the day counts instead
 * of being ignored).
 */
export function rollupAnswers(q: Pick<TrendRowQuery, 'groupBy' | 'filter'>): boolean {
  const set = (v: unknown) => v !== undefined && v !== null && v !== false && !(Array.isArray(v) && v.length === 0);
  return q.groupBy === 'district' && Object.entries(q.filter).every(([k, v]) => !set(v) || ROLLUP_FILTERS.has(k));
}

/** The date the bucket after `bucket` starts. */
function bucketEnd(bucket: string, interval: TrendInterval): string {
  return interval === 'month' ? addMonths(bucket, 1) : addDays(bucket, 7);
}

/**
 * The first `whole` buckets from the rollup, over the viewer's scopes, as a RollupState: all live
 * rows, or, given the state of an earlier read (same whole buckets, not being brought up to date
 * by another read now), that state with the rows that may have changed since. Every upsert writes
 * a new row version whose xmin is the writing transaction; a transaction older than the earlier
 * snapshot's xmin (the oldest one running then) had ended before that read, so its rows were seen.
 * The rest is read again and replaces what the state holds (a row read again unchanged costs
 * nothing but its transfer; rows at zero leave the state). `age()` compares xids with their
 * wraparound; an xid too old for it only makes a row look changed, which is harmless.
 *
 * Not grouped in SQL: a bucket's rows of the two scopes are nearly all distinct keys, and they are
 * summed into the state's series here anyway. The answer is the cost here (a city's year by week is
 * ~20k rows at 1M developments): the bucket comes back as its number (width_bucket, as in the other
 * paths), not as text formatted per row. Named prepared statements: two texts per combination of
 * filters (all rows / the changed ones). Must run in the caller's snapshot (REPEATABLE READ).
 */
async function rollupState(m: EntityManager, viewer: VisibilityViewer, q: TrendRowQuery, buckets: Bucket[], whole: number, prior?: RollupState): Promise<RollupState> {
  const earlier = prior && !prior.busy && prior.whole === whole ? prior : undefined;
  if (earlier) earlier.busy = true;
  try {
    const [snapshot] = await preparedQuery<{ xmin: string }>(m, 'SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint % 4294967296)::text AS xmin', []);
    let where = 'c.grain = :grain AND c.scope = ANY(CAST(:scopes AS text[])) AND c.bucket >= CAST(:first AS date) AND c.bucket < CAST(:end AS date)';
    where += earlier ? ' AND age(c.xmin) <= age(CAST(:since AS xid))' : ' AND c.reports <> 0';
    if (q.filter.districtId) where += ` AND ${developmentInDistrictsSql('c', ':districts')}`;
    if (q.filter.categories?.length) where += ' AND c.category = ANY(CAST(:categories AS text[]))';
    const params: Record<string, unknown> = {
      grain: q.interval, scopes: viewerScopes(viewer), first: buckets[0]!.bucket, end: bucketEnd(buckets[whole - 1]!.bucket, q.interval), edges: buckets.slice(0, whole).map((b) => b.bucket),
    };
    if (earlier) params.since = earlier.snapshotXmin;
    if (q.filter.districtId) params.districts = [q.filter.districtId];
    if (q.filter.categories?.length) params.categories = [...new Set(q.filter.categories)];
    const [sql, values] = m.connection.driver.escapeQueryWithParameters(
      `SELECT width_bucket(c.bucket, CAST(:edges AS date[])) AS bucket, c.scope, c.category, c.district_id AS "groupId", c.reports AS live, ${dayCountColumnSql('c', q.measure)} AS count
         FROM development_bucket_counts c WHERE ${where}`,
      params,
    );
    const raw = await preparedQuery<{ bucket: number; scope: string; category: DevelopmentCategory; groupId: string | null; live: string; count: string }>(m, sql, values);
    // From here on without a wait: the state changes all at once.
    const state: RollupState = earlier ?? { whole, snapshotXmin: '', values: new Map(), series: new Map(), busy: false };
    for (const r of raw) {
      // width_bucket is 1-based: 1 is the first bucket.
      const b = Number(r.bucket) - 1;
      const key = `${r.scope}|${b}|${r.category}|${r.groupId ?? ''}`;
      const old = state.values.get(key);
      const live = Number(r.live) !== 0;
      if (old === undefined && !live) continue;
      const s = seriesIn(state.series, r.category, r.groupId, whole);
      if (old !== undefined) {
        s.count[b] -= old;
        s.n[b] -= 1;
      }
      if (live) {
        const count = Number(r.count);
        s.count[b] += count;
        s.n[b] += 1;
        state.values.set(key, count);
      } else state.values.delete(key);
    }
    state.snapshotXmin = snapshot!.xmin;
    return state;
  } finally {
    if (earlier) earlier.busy = false;
  }
}

async function trendRowsFromDayCounts(m: EntityManager, viewer: VisibilityViewer, q: TrendRowQuery, buckets: Bucket[], days: { first: string; end: string }): Promise<CountedRow[]> {
  // A day lies in the bucket whose start date is the last one not after it: width_bucket over the
  // bucket dates (a binary search per row) is cheaper than date_trunc and to_char per row.
  const bucketSql = 'width_bucket(c.day, CAST(:dEdges AS date[]))';
  const groupCol = q.groupBy === 'place' ? 'c.place_id' : 'c.district_id';
  const qb = m.createQueryBuilder().from('development_day_counts', 'c')
    .select(bucketSql, 'bucket').addSelect('c.category', 'category').addSelect(groupCol, 'groupId').addSelect(dayCountMeasureSql('c', q.measure), 'count').addSelect('sum(c.reports)', 'n')
    .where('c.day >= CAST(:dFirst AS date) AND c.day < CAST(:dEnd AS date)', { dFirst: days.first, dEnd: days.end })
    .groupBy(bucketSql).addGroupBy('c.category').addGroupBy(groupCol)
    .setParameter('dEdges', buckets.map((b) => b.bucket));
  applyVisibility(qb, 'c', viewer);
  applyDayCountFilter(qb, 'c', q.filter);
  const raw = await qb.getRawMany<{ bucket: number; category: DevelopmentCategory; groupId: string | null; count: string; n: string }>();
  // width_bucket is 1-based: 1 is the first bucket.
  return raw.map((r) => ({ b: Number(r.bucket) - 1, category: r.category, groupId: r.groupId, count: Number(r.count), n: Number(r.n) }));
}

async function trendRowsFromDevelopments(m: EntityManager, viewer: VisibilityViewer, q: TrendRowQuery, buckets: Bucket[], range: { from: Date; to: Date }): Promise<CountedRow[]> {
  const groupCol = q.groupBy === 'place' ? 'd.place_id' : 'd.district_id';
  // Rows are assigned to the bucket starts with width_bucket (a binary search per row) instead of
  // date_trunc(... AT TIME ZONE ...): the time-zone conversion per row was two thirds of the
  // query's time over a year of a large city (bench/developments.bench.ts).
  const bucketSql = 'width_bucket(d.observed_at, CAST(:tEdges AS timestamptz[]))';
  const qb = m.getRepository(Development).createQueryBuilder('d')
    .select(bucketSql, 'bucket').addSelect('d.category', 'category').addSelect(groupCol, 'groupId').addSelect(measureSql('d', q.measure), 'count').addSelect('count(*)', 'n')
    .where('d.observed_at >= :tStart AND d.observed_at < :tTo', { tStart: range.from, tTo: range.to })
    .groupBy(bucketSql).addGroupBy('d.category').addGroupBy(groupCol)
    .setParameter('tEdges', buckets.map((b) => new Date(b.start)));
  applyVisibility(qb, 'd', viewer);
  applyDevelopmentFilter(qb, 'd', { ...q.filter, includeWithdrawn: false });
  const raw = await qb.getRawMany<{ bucket: number; category: DevelopmentCategory; groupId: string | null; count: string; n: string }>();
  // width_bucket is 1-based: 1 is the first bucket.
  return raw.map((r) => ({ b: Number(r.bucket) - 1, category: r.category, groupId: r.groupId, count: Number(r.count), n: Number(r.n) }));
}

export type SummaryRow = { agencyId: string; agencyCode: string; agencyName: string; category: DevelopmentCategory; count: number };

/** Developments (not withdrawn) per reporting agency and category observed in [since, until). */
export async function summaryRows(m: EntityManager, viewer: VisibilityViewer, since: Date, until: Date, source: CountSource): Promise<SummaryRow[]> {
  const split: DaySplit = source === 'developments' ? { days: null, partial: [{ from: since, to: until }] } : splitByBerlinDays(since, until);
  const rows = split.days ? await summaryFromDayCounts(m, viewer, split.days) : [];
  for (const range of split.partial) rows.push(...(await summaryFromDevelopments(m, viewer, range)));
  const merged = new Map<string, SummaryRow>();
  for (const r of rows) {
    const key = `${r.agencyId}|${r.category}`;
    const seen = merged.get(key);
    if (seen) seen.count += r.count;
    else merged.set(key, { ...r });
  }
  return [...merged.values()];
}

async function summaryFromDayCounts(m: EntityManager, viewer: VisibilityViewer, days: { first: string; end: string }): Promise<SummaryRow[]> {
  const qb = m.createQueryBuilder().from('development_day_counts', 'c')
    .innerJoin('agencies', 'a', 'a.id = c.reporting_agency_id')
    .select('c.reporting_agency_id', 'agencyId').addSelect('a.code', 'agencyCode').addSelect('a.name', 'agencyName')
    .addSelect('c.category', 'category').addSelect(dayCountMeasureSql('c', 'reports'), 'count')
    .where('c.day >= CAST(:dFirst AS date) AND c.day < CAST(:dEnd AS date)', { dFirst: days.first, dEnd: days.end })
    .groupBy('c.reporting_agency_id').addGroupBy('a.code').addGroupBy('a.name').addGroupBy('c.category');
  applyVisibility(qb, 'c', viewer);
  return (await qb.getRawMany<SummaryRow>()).map((r) => ({ ...r, count: Number(r.count) }));
}

async function summaryFromDevelopments(m: EntityManager, viewer: VisibilityViewer, range: { from: Date; to: Date }): Promise<SummaryRow[]> {
  const qb = m.getRepository(Development).createQueryBuilder('d')
    .innerJoin('agencies', 'a', 'a.id = d.reporting_agency_id')
    .select('d.reporting_agency_id', 'agencyId').addSelect('a.code', 'agencyCode').addSelect('a.name', 'agencyName')
    .addSelect('d.category', 'category').addSelect(measureSql('d', 'reports'), 'count')
    .groupBy('d.reporting_agency_id').addGroupBy('a.code').addGroupBy('a.name').addGroupBy('d.category');
  applyVisibility(qb, 'd', viewer);
  applyDevelopmentFilter(qb, 'd', { from: range.from, to: range.to, includeWithdrawn: false });
  return (await qb.getRawMany<SummaryRow>()).map((r) => ({ ...r, count: Number(r.count) }));
}
