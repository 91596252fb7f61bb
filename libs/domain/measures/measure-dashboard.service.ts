import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { viewerOfScope, visibilityScope, VisibilityViewer } from '../developments/development-visibility.js';
import { DomainError } from '../common/domain-error.js';
import { JobProducer } from '#queue/job-producer.js';
import { changeScopes, developmentChangeSql, readDevelopmentChange, type DevelopmentChange } from '../developments/development-changes.js';
import { preparedQuery } from '../common/prepared-query.js';
import { KeyFiguresService } from '../key-figures/key-figures.service.js';
import { measureInDistrictSql } from '../places/district-filter.js';
import { addDays, berlinStartOfDay, berlinToday, daysBetween, isIsoDate } from '../common/berlin-time.js';
import { MEASURE_STATUSES, MeasurePriority, MeasureStatus } from './measure-status.js';

export interface DashboardQuery {
  /** Period for the completion rate, Berlin dates, inclusive; default the last 90 days up to today. */
  from?: string;
  to?: string;
  districtId?: string;
  rapportId?: string;
}

export interface KeyFigureTally {
  total: number;
  onTrack: number;
  offTrack: number;
  noData: number;
  /** Not yet evaluated for the viewer's visibility scope (counted in none of the three above). */
  notEvaluated: number;
  /** Evaluated, but developments or the definition changed since (counted with their last status). */
  stale: number;
}

export interface DashboardCounts {
  total: number;
  byStatus: Record<MeasureStatus, number>;
  open: number;
  overdue: number;
  maxDaysOverdue: number | null;
  dueNext14Days: number;
  completion: { dueInPeriod: number; doneOfDue: number; rate: number | null; completedInPeriod: number };
  keyFigures: KeyFigureTally;
  /** Measures (not cancelled) with at least one key figure flagged by the displacement watch. */
  displacementFlagged: number;
}

export interface AgencyDashboard extends DashboardCounts {
  agency: { id: string; code: string; name: string };
}

export interface DashboardMeasureRef {
  id: string;
  title: string;
  status: MeasureStatus;
  priority: MeasurePriority;
  deadline: string;
  agency: { id: string; code: string; name: string };
  responsible: { id: string; displayName: string };
  /** Overdue list: days past the deadline; upcoming list: days left (0 = due today). */
  days: number;
}

export interface DisplacementFlag {
  measure: { id: string; title: string; agencyId: string };
  keyFigure: { id: string; name: string };
  wdq: number | null;
}

export interface Dashboard {
  today: string;
  period: { from: string; to: string };
  filters: { districtId: string | null; rapportId: string | null };
  totals: DashboardCounts;
  agencies: AgencyDashboard[];
  overdueMeasures: DashboardMeasureRef[];
  upcomingDeadlines: DashboardMeasureRef[];
  displacementFlags: DisplacementFlag[];
  /** developmentsChangedAt: the latest change to a development the viewer may see (nothing hidden from them moves it). */
  keyFigureFreshness: { refreshedNow: number; refreshingInBackground: boolean; oldestEvaluatedAt: Date | null; developmentsChangedAt: Date | null };
}

export const DASHBOARD_LIST_LIMIT = 100;
export const UPCOMING_DAYS = 14;
const DEFAULT_PERIOD_DAYS = 90;
const MAX_PERIOD_DAYS = 5 * 366;
/**
 * Key-figure evaluations that are missing or stale (a development or the definition changed) are
 * brought up to date in the request when there are few of them (a filtered view, a new key
 * figure): the answer is then current. When there are more, the answer shows the last results
 * (counted as `stale`) at once and one background refresh per viewer agency catches up
 * (stale-while-revalidate): the dashboard stays within its latency budget however much changed.
 */
const SYNC_REFRESH_MAX = 10;
const BACKGROUND_BATCH = 50;
const BACKGROUND_MAX_MS = 120_000;

const OPEN_SQL = `m.status IN ('planned','in_progress','blocked')`;

type MeasureFilter = { sql: string; params: unknown[]; next: number };

/** A row of agencyCountsSql(). */
type AgencyCountsRow = Record<MeasureStatus, number> & {
  agencyId: string; agencyCode: string; agencyName: string; total: number; overdue: number; maxDaysOverdue: number | null;
  dueNext14Days: number; dueInPeriod: number; doneOfDue: number; completedInPeriod: number;
};

/** A row of measureListsSql(). */
interface MeasureRefRow {
  list: 'overdue' | 'upcoming';
  id: string; title: string; status: MeasureStatus; priority: MeasurePriority; deadline: string; days: number;
  agencyId: string; agencyCode: string; agencyName: string; personId: string; personName: string;
}

interface KeyFigureTallyRow extends KeyFigureTally {
  agency: { id: string; code: string; name: string };
  /** Measures with a key figure the displacement watch flagged. */
  flagged: number;
}

interface DisplacementFlagRow { measureId: string; title: string; agencyId: string; keyFigureId: string; keyFigureName: string; wdq: number | null }

/** The row of keyFigureRead()'s statement: the change counter, and the tally and the flags as JSON. */
interface KeyFigureReadRow { n: string; at: Date | null; oldest: Date | null; tally: KeyFigureTallyRow[]; flags: DisplacementFlagRow[] }

interface KeyFigureRead { change: DevelopmentChange; oldest: Date | null; tally: KeyFigureTallyRow[]; flags: DisplacementFlagRow[] }

/**
 * The leadership view (issue 4): per owning agency the measures by status, overdue, due soon, the
 * completion rate in a period, and key figures on/off track for the viewer (visibility applies:
 * the evaluations are per viewer agency), plus the displacement watch's flags. Three named prepared
 * statements side by side on pooled connections (issue 11: parsed and planned once per connection;
 * their texts vary only with which filters are set): the counts per agency, the two lists, and the
 * key figures with the change counter. They are "as of now" counts, not one snapshot. Targets:
 * p95 < 50 ms at 50,000 measures (bench/measures.bench.ts), >= 60 % of bare-same (bench/http.bench.ts).
 */
@Injectable()
export class MeasureDashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keyFigures: KeyFiguresService,
    private readonly jobs: JobProducer,
  ) {}

  async dashboard(viewer: Actor, q: DashboardQuery, now: Date = new Date()): Promise<Dashboard> {
    const today = berlinToday(now);
    const to = q.to ?? today;
    const from = q.from ?? addDays(to, -DEFAULT_PERIOD_DAYS);
    if (!isIsoDate(from)) throw new DomainError(400, 'INVALID_DATE', 'from must be a calendar date YYYY-MM-DD.', 'from');
    if (!isIsoDate(to)) throw new DomainError(400, 'INVALID_DATE', 'to must be a calendar date YYYY-MM-DD.', 'to');
    if (daysBetween(from, to) < 0) throw new DomainError(400, 'INVALID_RANGE', '"to" must not lie before "from".', 'to');
    if (daysBetween(from, to) > MAX_PERIOD_DAYS) throw new DomainError(400, 'RANGE_TOO_LARGE', 'The period covers at most five years.', 'from');

    const filter = this.filterSql(q, 1);
    const [measureRows, listRows, kf] = await Promise.all([
      preparedQuery<AgencyCountsRow>(this.db, this.agencyCountsSql(filter), [
        ...filter.params, today, addDays(today, UPCOMING_DAYS), from, to, berlinStartOfDay(from), berlinStartOfDay(addDays(to, 1)),
      ]),
      preparedQuery<MeasureRefRow>(this.db, this.measureListsSql(filter), [...filter.params, today, addDays(today, UPCOMING_DAYS)]),
      this.keyFigurePart(viewer, q, today, now),
    ]);
    const { tally, refreshedNow, flags, change, refreshing, oldest } = kf;
    const kfByAgency = new Map(tally.map((k) => [k.agency.id, k]));
    const perAgency: AgencyDashboard[] = measureRows.map((m) => ({
      agency: { id: m.agencyId, code: m.agencyCode, name: m.agencyName }, ...counts(m, kfByAgency.get(m.agencyId)),
    }));
    // Key figures of an agency that owns no measure in this read (reassigned in between: the two reads are not one snapshot).
    const seen = new Set(measureRows.map((m) => m.agencyId));
    for (const k of tally) if (!seen.has(k.agency.id)) perAgency.push({ agency: k.agency, ...counts(undefined, k) });
    perAgency.sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.agency.name.localeCompare(b.agency.name, 'de'));

    return {
      today,
      period: { from, to },
      filters: { districtId: q.districtId ?? null, rapportId: q.rapportId ?? null },
      totals: sumCounts(perAgency),
      agencies: perAgency,
      overdueMeasures: listRows.filter((r) => r.list === 'overdue').map(toMeasureRef),
      upcomingDeadlines: listRows.filter((r) => r.list === 'upcoming').map(toMeasureRef),
      displacementFlags: flags.map((r) => ({
        measure: { id: r.measureId, title: r.title, agencyId: r.agencyId },
        keyFigure: { id: r.keyFigureId, name: r.keyFigureName },
        wdq: r.wdq,
      })),
      keyFigureFreshness: { refreshedNow, refreshingInBackground: refreshing, oldestEvaluatedAt: oldest, developmentsChangedAt: change.at },
    };
  }

  /**
   * The measure counts per owning agency with the agency's name, as one statement (issue 11: was
   * four statements and a lookup). It keeps the four narrow aggregates, each an index-only scan over
   * the rows it concerns (all measures by agency and status; open ones up to 14 days ahead;
   * deadlines in the period; completions in the period), joined per agency: a single pass over all
   * measures with every count as a FILTER was 5x slower at 50,000 measures (it evaluates every
   * condition on every row). Every agency of the other three is among those of the first.
   * $next..: today, today + 14, from, to (Berlin dates), and the instants from and to + 1 day start.
   */
  private agencyCountsSql(filter: MeasureFilter): string {
    const n = filter.next;
    const [today, soon, from, to, fromAt, toAt] = [n, n + 1, n + 2, n + 3, n + 4, n + 5].map((i) => `$${i}`);
    return `SELECT ag.id AS "agencyId", ag.code AS "agencyCode", ag.name AS "agencyName", s.*,
       coalesce(o.overdue, 0) AS overdue, o."maxDaysOverdue", coalesce(o."dueNext14Days", 0) AS "dueNext14Days",
       coalesce(p."dueInPeriod", 0) AS "dueInPeriod", coalesce(p."doneOfDue", 0) AS "doneOfDue", coalesce(c."completedInPeriod", 0) AS "completedInPeriod"
  FROM (SELECT x.a, sum(x.n)::int AS total,
               ${MEASURE_STATUSES.map((st) => `coalesce(sum(x.n) FILTER (WHERE x.status = '${st}'), 0)::int AS "${st}"`).join(',\n               ')}
          FROM (SELECT m.owning_agency_id AS a, m.status, count(*) AS n FROM measures m WHERE TRUE ${filter.sql} GROUP BY 1, 2) x
         GROUP BY x.a) s
  JOIN agencies ag ON ag.id = s.a
  LEFT JOIN (SELECT m.owning_agency_id AS a,
                    count(*) FILTER (WHERE m.deadline < ${today}::date)::int AS overdue,
                    max(${today}::date - m.deadline) FILTER (WHERE m.deadline < ${today}::date) AS "maxDaysOverdue",
                    count(*) FILTER (WHERE m.deadline >= ${today}::date)::int AS "dueNext14Days"
               FROM measures m WHERE ${OPEN_SQL} AND m.deadline <= ${soon}::date ${filter.sql} GROUP BY 1) o ON o.a = s.a
  LEFT JOIN (SELECT m.owning_agency_id AS a,
                    count(*) FILTER (WHERE m.status <> 'cancelled')::int AS "dueInPeriod",
                    count(*) FILTER (WHERE m.status = 'done')::int AS "doneOfDue"
               FROM measures m WHERE m.deadline BETWEEN ${from}::date AND ${to}::date ${filter.sql} GROUP BY 1) p ON p.a = s.a
  LEFT JOIN (SELECT m.owning_agency_id AS a, count(*)::int AS "completedInPeriod"
               FROM measures m WHERE m.completed_at >= ${fromAt}::timestamptz AND m.completed_at < ${toAt}::timestamptz ${filter.sql} GROUP BY 1) c ON c.a = s.a`;
  }

  /**
   * The most overdue open measures and the next deadlines (14 days), at most DASHBOARD_LIST_LIMIT
   * each, as one statement; each branch reads a deadline index in order and stops at its limit. $next: today, $next+1: today + 14.
   */
  private measureListsSql(filter: MeasureFilter): string {
    const n = filter.next;
    const branch = (list: string, where: string, days: string) => `(SELECT '${list}' AS list, m.id, m.title, m.status, m.priority, to_char(m.deadline, 'YYYY-MM-DD') AS deadline, ${days} AS days,
         a.id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName", p.id AS "personId", p.display_name AS "personName"
    FROM measures m JOIN agencies a ON a.id = m.owning_agency_id JOIN people p ON p.id = m.responsible_id
   WHERE ${OPEN_SQL} AND ${where} ${filter.sql}
   ORDER BY m.deadline ASC, m.id
   LIMIT ${DASHBOARD_LIST_LIMIT})`;
    return `${branch('overdue', `m.deadline < $${n}::date`, `($${n}::date - m.deadline)`)}
UNION ALL
${branch('upcoming', `m.deadline >= $${n}::date AND m.deadline <= $${n + 1}::date`, `(m.deadline - $${n}::date)`)}
ORDER BY list, deadline, id`;
  }

  /**
   * Key figures for the viewer's agency: the tally per owning agency and the displacement flags,
   * after refreshing stale evaluations within the budget. One statement reads the developments
   * change counter and counts in the same snapshot (development-changes.ts); after a refresh it is
   * read again as of the counter the refresh used, so that the answer shows the evaluations just stored.
   */
  private async keyFigurePart(viewer: Actor, q: DashboardQuery, today: string, now: Date) {
    let read = await this.keyFigureRead(viewer, q, today);
    let refreshedNow = 0;
    let refreshing = false;
    const pending = read.tally.reduce((sum, r) => sum + r.notEvaluated + r.stale, 0);
    if (pending > 0 && pending <= SYNC_REFRESH_MAX) {
      const change = read.change.n;
      refreshedNow = await this.keyFigures.refreshEvaluations(viewer, await this.staleCandidates(viewer, q, today, change, SYNC_REFRESH_MAX), now, change);
      // Read again as of the same counter the refresh used: a development written meanwhile does not
      // show the figures just refreshed as stale (the next view catches up).
      if (refreshedNow) read = await this.keyFigureRead(viewer, q, today, read.change);
    } else if (pending > 0) {
      refreshing = await this.requestRefresh(visibilityScope(viewer));
    }
    return { ...read, refreshedNow, refreshing };
  }

  /** Filter clauses on measures m with positional parameters starting at $start. */
  private filterSql(q: DashboardQuery, start: number): MeasureFilter {
    let sql = '';
    const params: unknown[] = [];
    if (q.districtId) {
      params.push(q.districtId);
      sql += ` AND ${measureInDistrictSql('m', `$${start + params.length - 1}`)}`;
    }
    if (q.rapportId) {
      params.push(q.rapportId);
      sql += ` AND m.rapport_id = $${start + params.length - 1}::uuid`;
    }
    return { sql, params, next: start + params.length };
  }

  /** Whether evaluation e of key figure k is stale for `today` and the change counter `change` (SQL expressions). Mirrors evaluationFingerprint(). */
  private staleSql(today: string, change: string): string {
    return `(e.fingerprint <> (k.version::text || '|' || to_char(k.measure_start_date, 'YYYY-MM-DD')) OR e.evaluated_on < ${today}::date
             OR e.developments_change IS DISTINCT FROM ${change}::bigint)`;
  }

  /**
   * Key figures per owning agency as the viewer's agency last saw them, and the displacement
   * flags, with the developments change counter, as one prepared statement (one snapshot). Reads
   * the measure's agency, status and start date from their copies on key_figures (kept by
   * triggers) instead of joining all measures; the measures table is read only for the
   * district/rapport filters and the flagged measures' titles.
   */
  private async keyFigureRead(viewer: Actor, q: DashboardQuery, today: string, asOf?: DevelopmentChange): Promise<KeyFigureRead> {
    const filter = this.filterSql(q, 1);
    const n = filter.next;
    const [scope, day, scopes, given] = [`$${n}`, `$${n + 1}`, `$${n + 2}`, `$${n + 3}`];
    const text = `WITH c AS (${developmentChangeSql(scopes)}),
t AS (
  SELECT k.owning_agency_id AS a,
         count(*)::int AS total,
         count(*) FILTER (WHERE e.status = 'on_track')::int AS "onTrack",
         count(*) FILTER (WHERE e.status = 'off_track')::int AS "offTrack",
         count(*) FILTER (WHERE e.status = 'no_data')::int AS "noData",
         count(*) FILTER (WHERE e.key_figure_id IS NULL)::int AS "notEvaluated",
         count(*) FILTER (WHERE e.key_figure_id IS NOT NULL AND ${this.staleSql(day, `coalesce(${given}::text, (SELECT c.n FROM c))`)})::int AS stale,
         min(e.evaluated_at) AS oldest
    FROM key_figures k
    LEFT JOIN key_figure_evaluations e ON e.key_figure_id = k.id AND e.viewer_scope = ${scope}
   WHERE k.measure_status <> 'cancelled' ${this.measureScope(filter)}
   GROUP BY k.owning_agency_id),
fl AS (
  SELECT k.owning_agency_id AS a, k.measure_id, k.id, k.name, e.wdq
    FROM key_figure_evaluations e JOIN key_figures k ON k.id = e.key_figure_id
   WHERE e.viewer_scope = ${scope} AND e.displacement_suspected AND k.measure_status <> 'cancelled' ${this.measureScope(filter)}),
f AS (SELECT fl.a, count(DISTINCT fl.measure_id)::int AS flagged FROM fl GROUP BY fl.a)
SELECT c.n, c.at, (SELECT min(t.oldest) FROM t) AS oldest,
       (SELECT coalesce(json_agg(json_build_object('agency', json_build_object('id', ag.id, 'code', ag.code, 'name', ag.name),
                 'total', t.total, 'onTrack', t."onTrack", 'offTrack', t."offTrack", 'noData', t."noData", 'notEvaluated', t."notEvaluated", 'stale', t.stale,
                 'flagged', coalesce(f.flagged, 0))), '[]')
          FROM t JOIN agencies ag ON ag.id = t.a LEFT JOIN f ON f.a = t.a) AS tally,
       (SELECT coalesce(json_agg(x ORDER BY x.wdq ASC NULLS LAST, x."measureId", x."keyFigureId"), '[]')
          FROM (SELECT m.id AS "measureId", m.title, m.owning_agency_id AS "agencyId", fl.id AS "keyFigureId", fl.name AS "keyFigureName", fl.wdq
                  FROM fl JOIN measures m ON m.id = fl.measure_id
                 ORDER BY fl.wdq ASC NULLS LAST, m.id, fl.id
                 LIMIT ${DASHBOARD_LIST_LIMIT}) x) AS flags
  FROM c`;
    const [row] = await preparedQuery<KeyFigureReadRow>(this.db, text, [...filter.params, visibilityScope(viewer), today, changeScopes(viewer), asOf?.n ?? null]);
    return { change: asOf ?? { n: row!.n, at: row!.at }, oldest: row!.oldest, tally: row!.tally, flags: row!.flags };
  }

  /** The district/rapport filter for a query over key_figures k (empty without filters). */
  private measureScope(filter: { sql: string }): string {
    return filter.sql ? `AND k.measure_id IN (SELECT m.id FROM measures m WHERE TRUE ${filter.sql})` : '';
  }

  /** Missing or stale evaluations in the view's scope, the oldest first. */
  private async staleCandidates(viewer: VisibilityViewer, q: DashboardQuery, today: string, change: string, limit: number): Promise<string[]> {
    const filter = this.filterSql(q, 1);
    const n = filter.next;
    const rows = await preparedQuery<{ id: string }>(this.db,
      `SELECT k.id
         FROM key_figures k
         LEFT JOIN key_figure_evaluations e ON e.key_figure_id = k.id AND e.viewer_scope = $${n}
        WHERE k.measure_status <> 'cancelled' ${this.measureScope(filter)} AND (e.key_figure_id IS NULL OR ${this.staleSql(`$${n + 1}`, `$${n + 2}`)})
        ORDER BY e.evaluated_at ASC NULLS FIRST, k.id
        LIMIT $${n + 3}`,
      [...filter.params, visibilityScope(viewer), today, change, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Asks the worker to refresh the stale evaluations of a visibility scope. The job id makes it one
   * job per scope however many API processes ask while it waits or runs. If the queue cannot be
   * reached the results simply stay marked stale, which the dashboard reports.
   */
  private async requestRefresh(scope: string): Promise<boolean> {
    try {
      await this.jobs.add('key-figures-refresh', { scope }, { jobId: `kf-refresh-${scope}`, removeOnComplete: true, removeOnFail: true });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The worker's part (apps/worker/src/key-figures): refreshes the stale evaluations of a visibility
   * scope city-wide in batches until none is left, the time budget is spent or `stop()` says so (shutdown).
   */
  async refreshStale(scope: string, stop: () => boolean = () => false): Promise<number> {
    const viewer = viewerOfScope(scope);
    const until = Date.now() + BACKGROUND_MAX_MS;
    let refreshed = 0;
    while (!stop() && Date.now() < until) {
      const now = new Date();
      const { n: change } = await readDevelopmentChange(this.db.manager, viewer);
      const ids = await this.staleCandidates(viewer, {}, berlinToday(now), change, BACKGROUND_BATCH);
      if (!ids.length) break;
      refreshed += await this.keyFigures.refreshEvaluations(viewer, ids, now, change);
    }
    return refreshed;
  }

}

const emptyTally = (): KeyFigureTally => ({ total: 0, onTrack: 0, offTrack: 0, noData: 0, notEvaluated: 0, stale: 0 });

function toMeasureRef(r: MeasureRefRow): DashboardMeasureRef {
  return {
    id: r.id, title: r.title, status: r.status, priority: r.priority, deadline: r.deadline,
    agency: { id: r.agencyId, code: r.agencyCode, name: r.agencyName },
    responsible: { id: r.personId, displayName: r.personName },
    days: r.days,
  };
}

function counts(m: AgencyCountsRow | undefined, k: KeyFigureTallyRow | undefined): DashboardCounts {
  const byStatus = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, m?.[s] ?? 0])) as Record<MeasureStatus, number>;
  const dueInPeriod = m?.dueInPeriod ?? 0;
  const doneOfDue = m?.doneOfDue ?? 0;
  return {
    total: m?.total ?? 0,
    byStatus,
    open: byStatus.planned + byStatus.in_progress + byStatus.blocked,
    overdue: m?.overdue ?? 0,
    maxDaysOverdue: m?.maxDaysOverdue ?? null,
    dueNext14Days: m?.dueNext14Days ?? 0,
    completion: { dueInPeriod, doneOfDue, rate: dueInPeriod ? Math.round((doneOfDue / dueInPeriod) * 1000) / 1000 : null, completedInPeriod: m?.completedInPeriod ?? 0 },
    keyFigures: k ? { total: k.total, onTrack: k.onTrack, offTrack: k.offTrack, noData: k.noData, notEvaluated: k.notEvaluated, stale: k.stale } : emptyTally(),
    displacementFlagged: k?.flagged ?? 0,
  };
}

function sumCounts(rows: DashboardCounts[]): DashboardCounts {
  const byStatus = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, rows.reduce((acc, r) => acc + r.byStatus[s], 0)])) as Record<MeasureStatus, number>;
  const sum = (f: (r: DashboardCounts) => number) => rows.reduce((acc, r) => acc + f(r), 0);
  const dueInPeriod = sum((r) => r.completion.dueInPeriod);
  const doneOfDue = sum((r) => r.completion.doneOfDue);
  const maxes = rows.map((r) => r.maxDaysOverdue).filter((x): x is number => x !== null);
  const tally = emptyTally();
  for (const r of rows) for (const key of Object.keys(tally) as Array<keyof KeyFigureTally>) tally[key] += r.keyFigures[key];
  return {
    total: sum((r) => r.total),
    byStatus,
    open: sum((r) => r.open),
    overdue: sum((r) => r.overdue),
    maxDaysOverdue: maxes.length ? Math.max(...maxes) : null,
    dueNext14Days: sum((r) => r.dueNext14Days),
    completion: { dueInPeriod, doneOfDue, rate: dueInPeriod ? Math.round((doneOfDue / dueInPeriod) * 1000) / 1000 : null, completedInPeriod: sum((r) => r.completion.completedInPeriod) },
    keyFigures: tally,
    displacementFlagged: sum((r) => r.displacementFlagged),
  };
}
