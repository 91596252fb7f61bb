import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { preparedQuery } from '../common/prepared-query.js';
import { lastHeldStart } from '../rapports/agenda.service.js';
import { assertReadsRapport } from '../rapports/rapport-access.js';
import { Rapport } from '../rapports/rapport.entity.js';
import { DEVELOPMENT_CATEGORIES, DevelopmentCategory } from './development-enums.js';
import { readDevelopmentChange } from './development-changes.js';
import {
  type Bucket, type RollupState, type SeriesCounts, summaryRows, trendBuckets, type TrendGroupBy, type TrendInterval, type TrendRowQuery, trendRowsKept,
} from './development-day-counts.js';
import { assertValidFilter } from './development-filter.js';
import type { DevelopmentMeasure } from './development-measure.js';
import { visibilityScope } from './development-visibility.js';

export type { TrendGroupBy, TrendInterval };

export interface TrendQuery extends TrendRowQuery {
  from: Date;
}

export interface TrendPoint {
  /** Start of the bucket as a Berlin calendar date (Monday for weeks, the 1st for months). */
  bucket: string;
  count: number;
  /** Count in the bucket before (the previous period of the same kind). */
  previous: number;
  change: number;
  /** Change against the previous bucket in percent; null when that bucket was empty. */
  changePercent: number | null;
}

export interface TrendSeries {
  category: DevelopmentCategory;
  groupId: string | null;
  groupName: string | null;
  total: number;
  points: TrendPoint[];
}

export interface TrendResult {
  interval: TrendInterval;
  groupBy: TrendGroupBy;
  measure: DevelopmentMeasure;
  from: Date;
  to: Date;
  buckets: Array<{ bucket: string; start: Date }>;
  series: TrendSeries[];
}

export interface AgencySummary {
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  total: number;
  byCategory: Partial<Record<DevelopmentCategory, number>>;
}

/** Five years of weeks are ~260 buckets: enough for any rapport, small enough to answer quickly. */
const MAX_RANGE_MS = 5 * 366 * 24 * 3600 * 1000;
const CACHE_ENTRIES = 200;
/**
 * Rows held by the cache at most (counts and the rollup part): a city's year by week at 1M
 * developments is ~20,000 counts and ~20,000 rollup values, so this keeps about six of those (tens
 * of MB) and many more small views.
 */
const CACHE_WEIGHT = 250_000;

/**
 * Counts as of the change counter `changes`, for the cache key `key`; groupIds: the groups that
 * occur; rollup: the whole buckets' part, for the next read after a write (trendRowsKept);
 * fragments: each series as JSON once the answer was serialised, and base: the entry this one was
 * computed from, whose fragments it reuses for the series that did not change (trendsJson).
 */
interface TrendCounts {
  key: string;
  changes: string;
  buckets: Bucket[];
  series: SeriesCounts[];
  groupIds: string[];
  rollup: RollupState | null;
  fragments?: Map<string, Fragment>;
  base?: TrendCounts;
}

/** A series serialised, with the counts and name it was made from. */
type Fragment = { counts: SeriesCounts; groupName: string | null; json: string };

const COLLATOR = new Intl.Collator('de');

/**
 * Aggregates over developments: trends per bucket and the "since the last rapport" summary. Both
 * add up the counts pre-aggregated per Berlin day (development_day_counts, kept by triggers in the
 * writing transaction) for whole days and count the developments of the partial days at the ends
 * (development-day-counts.ts); trends grouped by district and filtered at most by category and
 * district take their whole weeks or months from the rollup per visibility scope
 * (development_bucket_counts). Both go through applyVisibility, so that a record a viewer may not
 * see is missing from every count, and both leave withdrawn developments out.
 */
@Injectable()
export class DevelopmentTrendsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Aggregates per visibility scope and query (measure included), valid while no development the
   * scope may see changed (readDevelopmentChange). Before a rapport many people open the same view.
   * Per process, bounded by the rows held (CACHE_WEIGHT), least recently used out first; names are
   * looked up on every call (they decide the answer's tag).
   */
  private readonly cache = new Map<string, TrendCounts>();
  private cacheWeight = 0;
  /**
   * The newest cache key per query without its end: a view without `to` ends at the next full
   * minute (toTrendQuery), so each minute is a new key, whose first read can still bring the
   * previous minute's rollup part up to date instead of reading it all (same start, same whole buckets).
   */
  private readonly latestByStart = new Map<string, string>();
  /**
   * Single flight (issue 11): the computation running now per query without its end (its key and
   * promise), one at a time. After writes every open view asks again at once: those who asked
   * while one ran wait for it, then share the next one, which sees each of their writes; so a
   * burst of writes and reads costs two computations, not one per reader. One at a time also lets
   * a computation bring the RollupState it starts from up to date in place.
   */
  private readonly flights = new Map<string, { key: string; promise: Promise<TrendCounts> }>();

  async trends(viewer: Actor, q: TrendQuery): Promise<TrendResult> {
    return (await this.trendsAnswer(viewer, q)).build();
  }

  /**
   * The trend answer before it is built: `tag` names exactly what `build()` would return (the
   * viewer's scope, the query, the change counter its counts are as of, and the group names), so
   * that a caller may keep what it made of an answer (the API keeps the serialised and compressed
   * bytes) and reuse it while the tag stays the same. Building ~28,000 points for a city's year by
   * week costs more than reading the cached counts and the names that decide the tag. `view` (the
   * scope and query) and `changes` (the counter) order the answers of one view: a newer one
   * replaces the older. `json()` is JSON.stringify(build()), made from the series texts of the
   * answer before where its series did not change.
   */
  async trendsAnswer(viewer: Actor, q: TrendQuery): Promise<{ tag: string; view: string; changes: bigint; build: () => TrendResult; json: () => string }> {
    if (q.from >= q.to) throw new DomainError(400, 'INVALID_RANGE', '"to" must be after "from".', 'to');
    if (q.to.getTime() - q.from.getTime() > MAX_RANGE_MS) throw new DomainError(400, 'RANGE_TOO_LARGE', 'A trend covers at most five years; choose a shorter period.', 'from');
    assertValidFilter(q.filter);
    const counts = await this.aggregate(viewer, q);
    const names = await this.groupNames(q.groupBy, counts.groupIds);
    const nameTag = createHash('sha1').update(JSON.stringify([...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))).digest('base64url');
    return { tag: `${counts.key}#${counts.changes}#${nameTag}`, view: counts.key, changes: BigInt(counts.changes), build: () => buildTrends(q, counts, names), json: () => trendsJson(q, counts, names) };
  }

  /** The counts per bucket, category and group: cached while no development the viewer may see changed, computed once at a time. */
  private async aggregate(viewer: Actor, q: TrendQuery): Promise<TrendCounts> {
    // Keyed on what the viewer may see, not on the agency: an unconfirmed member of an agency
    // must not get the agency's restricted counts from the cache.
    const scope = visibilityScope(viewer);
    const key = JSON.stringify([scope, q.from, q.to, q.interval, q.groupBy, q.measure, q.filter]);
    const startKey = JSON.stringify([scope, q.from, q.interval, q.groupBy, q.measure, q.filter]);
    const { n } = await readDevelopmentChange(this.db.manager, viewer);
    for (let waited = false; ; waited = true) {
      // The counters only grow: an entry computed at n or later holds every write counted up to n.
      const hit = this.cache.get(key);
      if (hit && BigInt(hit.changes) >= BigInt(n)) {
        // Most recently used last.
        this.cache.delete(key);
        this.cache.set(key, hit);
        return hit;
      }
      const flight = this.flights.get(startKey);
      if (!flight) break;
      // One that started after n was read (after one this reader waited for) counts every write up
      // to n; one that was running already may not: wait for it and look again.
      if (waited && flight.key === key) return flight.promise;
      await flight.promise.catch(() => undefined);
    }
    // After a write (or in a new minute), an earlier entry's rollup part is brought up to date instead of read again.
    const earlier = this.cache.get(key) ?? this.cache.get(this.latestByStart.get(startKey) ?? '');
    const promise: Promise<TrendCounts> = this.compute(viewer, q, key, earlier).then((entry) => {
      this.latestByStart.delete(startKey);
      this.latestByStart.set(startKey, key);
      if (this.latestByStart.size > CACHE_ENTRIES) this.latestByStart.delete(this.latestByStart.keys().next().value!);
      return entry;
    }).finally(() => {
      if (this.flights.get(startKey)?.promise === promise) this.flights.delete(startKey);
    });
    this.flights.set(startKey, { key, promise });
    return promise;
  }

  private compute(viewer: Actor, q: TrendQuery, key: string, earlier?: TrendCounts): Promise<TrendCounts> {
    // One snapshot for the counter and the counts, so that the cached result is exactly "as of N".
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const { n: changes } = await readDevelopmentChange(m, viewer);
      const sameBuckets = earlier?.key === key;
      const buckets = sameBuckets ? earlier.buckets : await trendBuckets(m, q.from, q.to, q.interval);
      const { series, rollup } = await trendRowsKept(m, viewer, q, buckets, 'bucket_counts', earlier?.rollup ?? undefined);
      const groupIds = [...new Set([...series.values()].map((s) => s.groupId).filter((id): id is string => !!id))];
      const entry: TrendCounts = { key, changes, buckets, series: [...series.values()], groupIds, rollup };
      if (earlier) {
        // Its fragments serve this entry; one step back at most, so that no chain of entries is held.
        entry.base = earlier.fragments ? earlier : earlier.base;
        earlier.base = undefined;
      }
      const cached = this.cache.get(key);
      if (!cached || BigInt(cached.changes) <= BigInt(changes)) this.remember(entry);
      return entry;
    });
  }

  private remember(entry: TrendCounts): void {
    const weight = (e: TrendCounts) => e.series.length * e.buckets.length + (e.rollup?.values.size ?? 0);
    const old = this.cache.get(entry.key);
    if (old) this.cacheWeight -= weight(old);
    this.cache.delete(entry.key);
    this.cache.set(entry.key, entry);
    this.cacheWeight += weight(entry);
    for (const [key, e] of this.cache) {
      if ((this.cacheWeight <= CACHE_WEIGHT && this.cache.size <= CACHE_ENTRIES) || key === entry.key) break;
      this.cache.delete(key);
      this.cacheWeight -= weight(e);
    }
  }

  /**
   * The start of the summary: given, or "since the last rapport" before the meeting `rapportId`
   * (read like the meeting: 404 otherwise), the same start the meeting's agenda counts from.
   */
  async summarySince(viewer: Actor, q: { since?: Date; rapportId?: string }): Promise<Date> {
    if ((q.since === undefined) === (q.rapportId === undefined)) throw new DomainError(400, 'SINCE_OR_RAPPORT', 'Give either "since" or "rapportId".', 'since');
    if (q.since) return q.since;
    await assertReadsRapport(this.db.manager, viewer, q.rapportId!);
    const r = await this.db.getRepository(Rapport).findOneByOrFail({ id: q.rapportId! });
    const since = await lastHeldStart(this.db.manager, r);
    if (!since) throw new DomainError(422, 'NO_EARLIER_RAPPORT', 'No rapport of this series was held before this meeting; give "since" instead.', 'rapportId');
    return since;
  }

  /** Per reporting agency: what was observed in [since, until), by category (withdrawn left out). */
  async summary(viewer: Actor, since: Date, until: Date = new Date()): Promise<{ since: Date; until: Date; total: number; agencies: AgencySummary[] }> {
    if (since >= until) throw new DomainError(400, 'INVALID_RANGE', '"since" must be in the past (before "until").', 'since');
    // One snapshot for the whole days and the partial ones.
    const rows = await this.db.transaction('REPEATABLE READ', (m) => summaryRows(m, viewer, since, until, 'day_counts'));
    const byAgency = new Map<string, AgencySummary>();
    for (const r of rows) {
      const s = byAgency.get(r.agencyId) ?? { agencyId: r.agencyId, agencyCode: r.agencyCode, agencyName: r.agencyName, total: 0, byCategory: {} };
      s.byCategory[r.category] = Number(r.count);
      s.total += Number(r.count);
      byAgency.set(r.agencyId, s);
    }
    const agencies = [...byAgency.values()].sort((a, b) => b.total - a.total || a.agencyName.localeCompare(b.agencyName, 'de'));
    return { since, until, total: agencies.reduce((s, a) => s + a.total, 0), agencies };
  }

  private async groupNames(groupBy: TrendGroupBy, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const table = groupBy === 'place' ? 'places' : 'districts';
    const rows = await preparedQuery<{ id: string; name: string }>(this.db, `SELECT id, name FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

/** The series in the answer's order: by category, then by group name (German collation; without a name last). */
function ordered(series: SeriesCounts[], names: Map<string, string>): Array<{ s: SeriesCounts; key: string; groupName: string | null }> {
  const order = (c: DevelopmentCategory) => DEVELOPMENT_CATEGORIES.indexOf(c);
  return series
    .map((s) => ({ s, key: `${s.category}|${s.groupId ?? ''}`, groupName: s.groupId ? names.get(s.groupId) ?? null : null }))
    .sort((a, b) => order(a.s.category) - order(b.s.category) || COLLATOR.compare(a.groupName ?? '\uffff', b.groupName ?? '\uffff'));
}

/** One series: a point per bucket after the first (the lead-in gives the first its "previous"); a key that does not occur counts 0. */
function trendSeries(s: SeriesCounts, buckets: Bucket[], groupName: string | null): TrendSeries {
  const at = (b: number) => (s.n[b]! > 0 ? s.count[b]! : 0);
  const points: TrendPoint[] = [];
  let total = 0;
  for (let i = 1; i < buckets.length; i++) {
    const count = at(i);
    const previous = at(i - 1);
    const change = count - previous;
    points.push({ bucket: buckets[i]!.bucket, count, previous, change, changePercent: previous === 0 ? null : Math.round((change / previous) * 1000) / 10 });
    total += count;
  }
  return { category: s.category, groupId: s.groupId, groupName, total, points };
}

/** The answer from the counts and the group names: one series per category and group. */
function buildTrends(q: TrendQuery, { buckets, series }: TrendCounts, names: Map<string, string>): TrendResult {
  return {
    interval: q.interval, groupBy: q.groupBy, measure: q.measure, from: q.from, to: q.to,
    buckets: buckets.slice(1).map((b) => ({ bucket: b.bucket, start: new Date(b.start) })),
    series: ordered(series, names).map(({ s, groupName }) => trendSeries(s, buckets, groupName)),
  };
}

function sameCounts(a: SeriesCounts, b: SeriesCounts): boolean {
  if (a.count.length !== b.count.length) return false;
  for (let i = 0; i < a.count.length; i++) if (a.count[i] !== b.count[i] || (a.n[i]! > 0) !== (b.n[i]! > 0)) return false;
  return true;
}

/**
 * JSON.stringify(buildTrends(...)), serialising only the series that changed since the entry this
 * one was computed from (counts.base, same buckets): after a write, one or a few of a city's ~360
 * series, instead of 1.6 MB of points (issue 11). The series' texts are kept for the next entry.
 */
function trendsJson(q: TrendQuery, counts: TrendCounts, names: Map<string, string>): string {
  const { buckets } = counts;
  const base = counts.base;
  const reuse = base?.fragments && base.buckets.length === buckets.length && base.buckets[0]!.bucket === buckets[0]!.bucket ? base.fragments : undefined;
  const fragments = new Map<string, Fragment>();
  const parts: string[] = [];
  for (const { s, key, groupName } of ordered(counts.series, names)) {
    const old = reuse?.get(key);
    const fragment = old && old.groupName === groupName && sameCounts(old.counts, s) ? old : { counts: s, groupName, json: JSON.stringify(trendSeries(s, buckets, groupName)) };
    fragments.set(key, fragment);
    parts.push(fragment.json);
  }
  counts.fragments = fragments;
  counts.base = undefined;
  const head = JSON.stringify({ interval: q.interval, groupBy: q.groupBy, measure: q.measure, from: q.from, to: q.to, buckets: buckets.slice(1).map((b) => ({ bucket: b.bucket, start: new Date(b.start) })) });
  return `${head.slice(0, -1)},"series":[${parts.join(',')}]}`;
}
