import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { District } from '../places/district.entity.js';
import { Place } from '../places/place.entity.js';
import { lastHeldStart } from '../rapports/agenda.service.js';
import { assertReadsRapport } from '../rapports/rapport-access.js';
import { Rapport } from '../rapports/rapport.entity.js';
import { DEVELOPMENT_CATEGORIES, DevelopmentCategory } from './development-enums.js';
import { readDevelopmentChange } from './development-changes.js';
import { applyDevelopmentFilter, assertValidFilter, DevelopmentFilter } from './development-filter.js';
import { DevelopmentMeasure, measureSql } from './development-measure.js';
import { applyVisibility, visibilityScope } from './development-visibility.js';
import { Development } from './development.entity.js';

export type TrendInterval = 'week' | 'month';
export type TrendGroupBy = 'district' | 'place';

export interface TrendQuery {
  from: Date;
  to: Date;
  interval: TrendInterval;
  groupBy: TrendGroupBy;
  /** Count the developments (default) or sum their `count` (development-measure.ts). */
  measure: DevelopmentMeasure;
  filter: Pick<DevelopmentFilter, 'categories' | 'districtId' | 'placeId' | 'agencyId' | 'nearSensitiveOnly'>;
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

type Bucket = { bucket: string; start: Date };
type TrendRow = { bucket: string; category: DevelopmentCategory; groupId: string | null; count: number };

/**
 * Aggregates over developments: trends per bucket and the "since the last rapport" summary. Both go
 * through applyVisibility, so that a record a viewer may not see is missing from every count, and
 * both leave withdrawn developments out.
 */
@Injectable()
export class DevelopmentTrendsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Aggregates per visibility scope and query (measure included), valid while no development the
   * scope may see changed (readDevelopmentChange). A year of a whole city counts several hundred thousand rows;
   * before a rapport many people open the same view. Per process, small, and only counts and
   * bucket starts: names are looked up fresh on every call.
   */
  private readonly cache = new Map<string, { changes: string; buckets: Bucket[]; rows: TrendRow[] }>();

  async trends(viewer: Actor, q: TrendQuery): Promise<TrendResult> {
    if (q.from >= q.to) throw new DomainError(400, 'INVALID_RANGE', '"to" must be after "from".', 'to');
    if (q.to.getTime() - q.from.getTime() > MAX_RANGE_MS) throw new DomainError(400, 'RANGE_TOO_LARGE', 'A trend covers at most five years; choose a shorter period.', 'from');
    assertValidFilter(q.filter);
    const { buckets, rows } = await this.aggregate(viewer, q);
    const counts = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const key = `${r.category}|${r.groupId ?? ''}`;
      if (!counts.has(key)) counts.set(key, new Map());
      counts.get(key)!.set(r.bucket, Number(r.count));
    }
    const names = await this.groupNames(q.groupBy, [...new Set(rows.map((r) => r.groupId).filter((id): id is string => !!id))]);
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

  /** The counts per bucket, category and group, from the cache when no development changed since. */
  private aggregate(viewer: Actor, q: TrendQuery): Promise<{ buckets: Bucket[]; rows: TrendRow[] }> {
    // One snapshot for the counter and the counts, so that the cached result is exactly "as of N".
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const { n: changes } = await readDevelopmentChange(m, viewer);
      // Keyed on what the viewer may see, not on the agency: an unconfirmed member of an agency
      // must not get the agency's restricted counts from the cache.
      const key = JSON.stringify([visibilityScope(viewer), q.from, q.to, q.interval, q.groupBy, q.measure, q.filter]);
      const hit = this.cache.get(key);
      if (hit && hit.changes === changes) return hit;

      // Interpolated, not bound: it comes from a two-value allowlist.
      const unit = q.interval === 'month' ? 'month' : 'week';
      const local = (ts: string) => `date_trunc('${unit}', ${ts} AT TIME ZONE 'Europe/Berlin')`;
      // Buckets in Berlin local time (DST-correct), starting one bucket before `from`: the lead-in
      // bucket gives the first visible bucket its "previous".
      const buckets: Array<{ bucket: string; start: Date }> = await m.query(
        `SELECT to_char(b, 'YYYY-MM-DD') AS bucket, (b AT TIME ZONE 'Europe/Berlin') AS start
           FROM generate_series(${local('$1::timestamptz')} - interval '1 ${unit}', ${local(`($2::timestamptz - interval '1 microsecond')`)}, interval '1 ${unit}') AS b
          ORDER BY b`,
        [q.from, q.to],
      );
      const first = buckets[0]!;

      const groupCol = q.groupBy === 'place' ? 'd.place_id' : 'd.district_id';
      // Rows are assigned to the bucket starts fetched above with width_bucket (a binary search per
      // row) instead of date_trunc(... AT TIME ZONE ...): the time-zone conversion per row was two
      // thirds of the query's time over a year of a large city (bench/developments.bench.ts).
      const bucketSql = 'width_bucket(d.observed_at, CAST(:tEdges AS timestamptz[]))';
      const qb = m.getRepository(Development).createQueryBuilder('d')
        .select(bucketSql, 'bucket').addSelect('d.category', 'category').addSelect(groupCol, 'groupId').addSelect(measureSql('d', q.measure), 'count')
        .where('d.observed_at >= :tStart AND d.observed_at < :tTo', { tStart: first.start, tTo: q.to })
        .groupBy(bucketSql).addGroupBy('d.category').addGroupBy(groupCol)
        .setParameter('tEdges', buckets.map((b) => new Date(b.start)));
      applyVisibility(qb, 'd', viewer);
      applyDevelopmentFilter(qb, 'd', { ...q.filter, includeWithdrawn: false });
      const raw = await qb.getRawMany<{ bucket: number; category: DevelopmentCategory; groupId: string | null; count: number }>();
      // width_bucket is 1-based: 1 is the lead-in bucket.
      const rows = raw.map((r) => ({ ...r, bucket: buckets[Number(r.bucket) - 1]!.bucket, count: Number(r.count) }));
      const entry = { changes, buckets, rows };
      this.cache.delete(key);
      this.cache.set(key, entry);
      if (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
      return entry;
    });
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
    const qb = this.db.getRepository(Development).createQueryBuilder('d')
      .innerJoin(Agency, 'a', 'a.id = d.reporting_agency_id')
      .select('d.reporting_agency_id', 'agencyId').addSelect('a.code', 'agencyCode').addSelect('a.name', 'agencyName')
      .addSelect('d.category', 'category').addSelect('count(*)::int', 'count')
      .groupBy('d.reporting_agency_id').addGroupBy('a.code').addGroupBy('a.name').addGroupBy('d.category');
    applyVisibility(qb, 'd', viewer);
    applyDevelopmentFilter(qb, 'd', { from: since, to: until, includeWithdrawn: false });
    const rows = await qb.getRawMany<{ agencyId: string; agencyCode: string; agencyName: string; category: DevelopmentCategory; count: number }>();
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
    const entity = groupBy === 'place' ? Place : District;
    const rows = await this.db.getRepository<Place | District>(entity).createQueryBuilder('g').select('g.id', 'id').addSelect('g.name', 'name')
      .where('g.id IN (:...ids)', { ids }).getRawMany<{ id: string; name: string }>();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
