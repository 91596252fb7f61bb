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
  type Bucket, type RollupState, summaryRows, trendBuckets, type TrendGroupBy, type TrendInterval, type TrendRow, type TrendRowQuery, trendRowsKept,
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
 * occur; rollup: the whole buckets' part as read, for the next read after a write (trendRowsKept).
 */
type TrendCounts = { key: string; changes: string; buckets: Bucket[]; rows: TrendRow[]; groupIds: string[]; rollup: RollupState | null };

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
   * Single flight (issue 11): the computations running now, per cache key and change counter. After
   * a write every open view asks again at once; they wait for one computation instead of each
   * running the same one.
   */
  private readonly inflight = new Map<string, Promise<TrendCounts>>();

  async trends(viewer: Actor, q: TrendQuery): Promise<TrendResult> {
    return (await this.trendsAnswer(viewer, q)).build();
  }

  /**
   * The trend answer before it is built: `tag` names exactly what `build()` would return (the
   * viewer's scope, the query, the change counter its counts are as of, and the group names), so
   * that a caller may keep what it made of an answer (the API keeps the serialised and compressed
   * bytes) and reuse it while the tag stays the same. Building ~28,000 points for a city's year by
   * week costs more than reading the cached counts and the names that decide the tag.
   */
  async trendsAnswer(viewer: Actor, q: TrendQuery): Promise<{ tag: string; build: () => TrendResult }> {
    if (q.from >= q.to) throw new DomainError(400, 'INVALID_RANGE', '"to" must be after "from".', 'to');
    if (q.to.getTime() - q.from.getTime() > MAX_RANGE_MS) throw new DomainError(400, 'RANGE_TOO_LARGE', 'A trend covers at most five years; choose a shorter period.', 'from');
    assertValidFilter(q.filter);
    const counts = await this.aggregate(viewer, q);
    const names = await this.groupNames(q.groupBy, counts.groupIds);
    const nameTag = createHash('sha1').update(JSON.stringify([...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))).digest('base64url');
    return { tag: `${counts.key}#${counts.changes}#${nameTag}`, build: () => buildTrends(q, counts, names) };
  }

  /** The counts per bucket, category and group: cached while no development the viewer may see changed, computed once at a time. */
  private async aggregate(viewer: Actor, q: TrendQuery): Promise<TrendCounts> {
    // Keyed on what the viewer may see, not on the agency: an unconfirmed member of an agency
    // must not get the agency's restricted counts from the cache.
    const key = JSON.stringify([visibilityScope(viewer), q.from, q.to, q.interval, q.groupBy, q.measure, q.filter]);
    const { n } = await readDevelopmentChange(this.db.manager, viewer);
    // The counters only grow: an entry computed at n or later holds every write counted up to n.
    const hit = this.cache.get(key);
    if (hit && BigInt(hit.changes) >= BigInt(n)) {
      // Most recently used last.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const flightKey = `${key}#${n}`;
    let flight = this.inflight.get(flightKey);
    if (!flight) {
      // After a write (or in a new minute), an earlier entry's rollup part is brought up to date instead of read again.
      const startKey = JSON.stringify([visibilityScope(viewer), q.from, q.interval, q.groupBy, q.measure, q.filter]);
      const earlier = hit ?? this.cache.get(this.latestByStart.get(startKey) ?? '');
      flight = this.compute(viewer, q, key, hit, earlier?.rollup ?? undefined).then((entry) => {
        this.latestByStart.delete(startKey);
        this.latestByStart.set(startKey, key);
        if (this.latestByStart.size > CACHE_ENTRIES) this.latestByStart.delete(this.latestByStart.keys().next().value!);
        return entry;
      }).finally(() => this.inflight.delete(flightKey));
      this.inflight.set(flightKey, flight);
    }
    return flight;
  }

  private compute(viewer: Actor, q: TrendQuery, key: string, stale?: TrendCounts, prior?: RollupState): Promise<TrendCounts> {
    // One snapshot for the counter and the counts, so that the cached result is exactly "as of N".
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const { n: changes } = await readDevelopmentChange(m, viewer);
      const buckets = stale?.buckets ?? await trendBuckets(m, q.from, q.to, q.interval);
      const { rows, rollup } = await trendRowsKept(m, viewer, q, buckets, 'bucket_counts', prior);
      const groupIds = [...new Set(rows.map((r) => r.groupId).filter((id): id is string => !!id))];
      const entry: TrendCounts = { key, changes, buckets, rows, groupIds, rollup };
      const cached = this.cache.get(key);
      if (!cached || BigInt(cached.changes) <= BigInt(changes)) this.remember(entry);
      return entry;
    });
  }

  private remember(entry: TrendCounts): void {
    const weight = (e: TrendCounts) => e.rows.length + (e.rollup?.values.size ?? 0);
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

/** The answer from the counts and the group names: one series per category and group, a point per bucket after the first. */
function buildTrends(q: TrendQuery, { buckets, rows }: TrendCounts, names: Map<string, string>): TrendResult {
  const counts = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const key = `${r.category}|${r.groupId ?? ''}`;
    if (!counts.has(key)) counts.set(key, new Map());
    counts.get(key)!.set(r.bucket, Number(r.count));
  }
  const series: TrendSeries[] = [];
  for (const [key, perBucket] of counts) {
    const [category, groupId] = key.split('|') as [DevelopmentCategory, string];
    const points: TrendPoint[] = [];
    for (let i = 1; i < buckets.length; i++) {
      const count = perBucket.get(buckets[i]!.bucket) ?? 0;
      const previous = perBucket.get(buckets[i - 1]!.bucket) ?? 0;
      const change = count - previous;
      points.push({ bucket: buckets[i]!.bucket, count, previous, change, changePercent: previous === 0 ? null : Math.round((change / previous) * 1000) / 10 });
    }
    series.push({ category, groupId: groupId || null, groupName: groupId ? names.get(groupId) ?? null : null, total: points.reduce((s, p) => s + p.count, 0), points });
  }
  const order = (c: DevelopmentCategory) => DEVELOPMENT_CATEGORIES.indexOf(c);
  series.sort((a, b) => order(a.category) - order(b.category) || (a.groupName ?? '\uffff').localeCompare(b.groupName ?? '\uffff', 'de'));
  return { interval: q.interval, groupBy: q.groupBy, measure: q.measure, from: q.from, to: q.to, buckets: buckets.slice(1).map((b) => ({ bucket: b.bucket, start: new Date(b.start) })), series };
}
