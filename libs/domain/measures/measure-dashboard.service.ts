import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { viewerOfScope, visibilityScope, VisibilityViewer } from '../developments/development-visibility.js';
import { DomainError } from '../common/domain-error.js';
import { JobProducer } from '#queue/job-producer.js';
import { readDevelopmentChange } from '../developments/development-changes.js';
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

/**
 * The leadership view (issue 4): per owning agency the measures by status, overdue, due soon, the
 * completion rate in a period, and key figures on/off track for the viewer (visibility applies:
 * the evaluations are per viewer agency), plus the displacement watch's flags. Plain aggregate
 * SQL over indexed columns: the target is p95 < 50 ms at 50,000 measures (bench/measures.bench.ts).
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
    const n = filter.next;
    const read = (sql: string, extra: unknown[]): Promise<Array<Record<string, unknown>>> => this.db.query(sql, [...filter.params, ...extra]);
    const listSql = (where: string, order: string, daysExpr: string) => `
      SELECT m.id, m.title, m.status, m.priority, to_char(m.deadline, 'YYYY-MM-DD') AS deadline, ${daysExpr} AS days,
             a.id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName", p.id AS "personId", p.display_name AS "personName"
        FROM measures m JOIN agencies a ON a.id = m.owning_agency_id JOIN people p ON p.id = m.responsible_id
       WHERE ${OPEN_SQL} AND ${where} ${filter.sql}
       ORDER BY ${order}, m.id
       LIMIT ${DASHBOARD_LIST_LIMIT}`;

    // Narrow aggregates instead of one wide one: each runs as an index-only scan over the rows it
    // concerns (all measures by agency and status; open ones up to 14 days ahead; deadlines in the
    // period; completions in the period). The independent reads run side by side on pooled
    // connections (no transaction: these are "as of now" counts, not one snapshot).
    const [s, o, p, c, overdueRows, upcomingRows, kf] = await Promise.all([
      read(`SELECT m.owning_agency_id AS a, m.status, count(*)::int AS n FROM measures m WHERE TRUE ${filter.sql} GROUP BY 1, 2`, []),
      read(`SELECT m.owning_agency_id AS a,
                   count(*) FILTER (WHERE m.deadline < $${n}::date)::int AS overdue,
                   max($${n}::date - m.deadline) FILTER (WHERE m.deadline < $${n}::date) AS "maxDaysOverdue",
                   count(*) FILTER (WHERE m.deadline >= $${n}::date)::int AS "dueNext14Days"
              FROM measures m WHERE ${OPEN_SQL} AND m.deadline <= $${n + 1}::date ${filter.sql} GROUP BY 1`, [today, addDays(today, UPCOMING_DAYS)]),
      read(`SELECT m.owning_agency_id AS a,
                   count(*) FILTER (WHERE m.status <> 'cancelled')::int AS "dueInPeriod",
                   count(*) FILTER (WHERE m.status = 'done')::int AS "doneOfDue"
              FROM measures m WHERE m.deadline BETWEEN $${n}::date AND $${n + 1}::date ${filter.sql} GROUP BY 1`, [from, to]),
      read(`SELECT m.owning_agency_id AS a, count(*)::int AS "completedInPeriod"
              FROM measures m WHERE m.completed_at >= $${n}::timestamptz AND m.completed_at < $${n + 1}::timestamptz ${filter.sql} GROUP BY 1`,
      [berlinStartOfDay(from), berlinStartOfDay(addDays(to, 1))]),
      read(listSql(`m.deadline < $${n}::date`, 'm.deadline ASC', `($${n}::date - m.deadline)`), [today]),
      read(listSql(`m.deadline >= $${n}::date AND m.deadline <= $${n + 1}::date`, 'm.deadline ASC', `(m.deadline - $${n}::date)`), [today, addDays(today, UPCOMING_DAYS)]),
      this.keyFigurePart(viewer, q, today, now),
    ]);
    const measureRows = mergeAggregates({ s: s as Array<{ a: string; status: MeasureStatus; n: number }>, o, p, c });
    const toRef = (r: Record<string, unknown>): DashboardMeasureRef => ({
      id: String(r.id), title: String(r.title), status: r.status as MeasureStatus, priority: r.priority as MeasurePriority, deadline: String(r.deadline),
      agency: { id: String(r.agencyId), code: String(r.agencyCode), name: String(r.agencyName) },
      responsible: { id: String(r.personId), displayName: String(r.personName) },
      days: Number(r.days),
    });
    const overdue = overdueRows.map(toRef);
    const upcoming = upcomingRows.map(toRef);
    const { kfRows, refreshedNow, flags, change, refreshing } = kf;

    const agencyIds = [...new Set([...measureRows.map((r) => String(r.agencyId)), ...kfRows.map((r) => r.agencyId)])];
    const agencies: Array<{ id: string; code: string; name: string }> = agencyIds.length
      ? await this.db.query(`SELECT id, code, name FROM agencies WHERE id = ANY($1::uuid[])`, [agencyIds]) : [];
    const byAgency = new Map(agencies.map((a) => [a.id, a]));

    const perAgency: AgencyDashboard[] = agencyIds.map((id) => {
      const m = measureRows.find((r) => String(r.agencyId) === id);
      const k = kfRows.find((r) => r.agencyId === id);
      return { agency: byAgency.get(id) ?? { id, code: '', name: '' }, ...counts(m, k) };
    }).sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.agency.name.localeCompare(b.agency.name, 'de'));

    const oldest = kfRows.map((r) => r.oldest).filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    return {
      today,
      period: { from, to },
      filters: { districtId: q.districtId ?? null, rapportId: q.rapportId ?? null },
      totals: sumCounts(perAgency),
      agencies: perAgency,
      overdueMeasures: overdue,
      upcomingDeadlines: upcoming,
      displacementFlags: flags.map((r) => ({
        measure: { id: String(r.measureId), title: String(r.title), agencyId: String(r.agencyId) },
        keyFigure: { id: String(r.keyFigureId), name: String(r.keyFigureName) },
        wdq: r.wdq === null ? null : Number(r.wdq),
      })),
      keyFigureFreshness: { refreshedNow, refreshingInBackground: refreshing, oldestEvaluatedAt: oldest ? new Date(oldest) : null, developmentsChangedAt: change.at },
    };
  }

  /**
   * Key figures for the viewer's agency: the tally per owning agency (refreshing stale evaluations
   * within the budget first) and the displacement flags.
   */
  private async keyFigurePart(viewer: Actor, q: DashboardQuery, today: string, now: Date) {
    const change = await readDevelopmentChange(this.db.manager, viewer);
    let kfRows = await this.keyFigureRows(viewer, q, today, change.n);
    let refreshedNow = 0;
    let refreshing = false;
    const pending = kfRows.reduce((sum, r) => sum + r.notEvaluated + r.stale, 0);
    if (pending > 0 && pending <= SYNC_REFRESH_MAX) {
      refreshedNow = await this.keyFigures.refreshEvaluations(viewer, await this.staleCandidates(viewer, q, today, change.n, SYNC_REFRESH_MAX), now, change.n);
      if (refreshedNow) kfRows = await this.keyFigureRows(viewer, q, today, change.n);
    } else if (pending > 0) {
      refreshing = await this.requestRefresh(visibilityScope(viewer));
    }
    const filter = this.filterSql(q, 1);
    const flags: Array<Record<string, unknown>> = await this.db.query(
      `SELECT m.id AS "measureId", m.title, m.owning_agency_id AS "agencyId", k.id AS "keyFigureId", k.name AS "keyFigureName", e.wdq
         FROM key_figure_evaluations e
         JOIN key_figures k ON k.id = e.key_figure_id
         JOIN measures m ON m.id = k.measure_id
        WHERE e.viewer_scope = $${filter.next} AND e.displacement_suspected AND k.measure_status <> 'cancelled' ${filter.sql}
        ORDER BY e.wdq ASC NULLS LAST, m.id, k.id
        LIMIT ${DASHBOARD_LIST_LIMIT}`,
      [...filter.params, visibilityScope(viewer)],
    );
    return { kfRows, refreshedNow, flags, change, refreshing };
  }

  /** Filter clauses on measures m with positional parameters starting at $start. */
  private filterSql(q: DashboardQuery, start: number): { sql: string; params: unknown[]; next: number } {
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

  private staleSql(n: number): string {
    // $n: today, $n+1: the developments change counter (development-changes.ts). Mirrors evaluationFingerprint().
    return `(e.fingerprint <> (k.version::text || '|' || to_char(k.measure_start_date, 'YYYY-MM-DD')) OR e.evaluated_on < $${n}::date
             OR e.developments_change IS DISTINCT FROM $${n + 1}::bigint)`;
  }

  /**
   * Key figures per owning agency as the viewer's agency last saw them. Reads the measure's agency,
   * status and start date from their copies on key_figures (kept by triggers) instead of joining
   * all measures; the measures table is read only for the district/rapport filters.
   */
  private async keyFigureRows(viewer: Actor, q: DashboardQuery, today: string, change: string) {
    const filter = this.filterSql(q, 1);
    const n = filter.next;
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `WITH t AS (
         SELECT k.owning_agency_id AS "agencyId",
                count(*)::int AS total,
                count(*) FILTER (WHERE e.status = 'on_track')::int AS "onTrack",
                count(*) FILTER (WHERE e.status = 'off_track')::int AS "offTrack",
                count(*) FILTER (WHERE e.status = 'no_data')::int AS "noData",
                count(*) FILTER (WHERE e.key_figure_id IS NULL)::int AS "notEvaluated",
                count(*) FILTER (WHERE e.key_figure_id IS NOT NULL AND ${this.staleSql(n + 1)})::int AS stale,
                min(e.evaluated_at) AS oldest
           FROM key_figures k
           LEFT JOIN key_figure_evaluations e ON e.key_figure_id = k.id AND e.viewer_scope = $${n}
          WHERE k.measure_status <> 'cancelled' ${this.measureScope(filter)}
          GROUP BY k.owning_agency_id),
       f AS (
         SELECT k.owning_agency_id AS "agencyId", count(DISTINCT k.measure_id)::int AS flagged
           FROM key_figure_evaluations e JOIN key_figures k ON k.id = e.key_figure_id
          WHERE e.viewer_scope = $${n} AND e.displacement_suspected AND k.measure_status <> 'cancelled' ${this.measureScope(filter)}
          GROUP BY k.owning_agency_id)
       SELECT t.*, coalesce(f.flagged, 0) AS flagged FROM t LEFT JOIN f USING ("agencyId")`,
      [...filter.params, visibilityScope(viewer), today, change],
    );
    return rows.map((r) => ({
      agencyId: String(r.agencyId), total: Number(r.total), onTrack: Number(r.onTrack), offTrack: Number(r.offTrack), noData: Number(r.noData),
      notEvaluated: Number(r.notEvaluated), stale: Number(r.stale), flagged: Number(r.flagged), oldest: r.oldest ? new Date(r.oldest as string) : null,
    }));
  }

  /** The district/rapport filter for a query over key_figures k (empty without filters). */
  private measureScope(filter: { sql: string }): string {
    return filter.sql ? `AND k.measure_id IN (SELECT m.id FROM measures m WHERE TRUE ${filter.sql})` : '';
  }

  /** Missing or stale evaluations in the view's scope, the oldest first. */
  private async staleCandidates(viewer: VisibilityViewer, q: DashboardQuery, today: string, change: string, limit: number): Promise<string[]> {
    const filter = this.filterSql(q, 1);
    const n = filter.next;
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT k.id
         FROM key_figures k
         LEFT JOIN key_figure_evaluations e ON e.key_figure_id = k.id AND e.viewer_scope = $${n}
        WHERE k.measure_status <> 'cancelled' ${this.measureScope(filter)} AND (e.key_figure_id IS NULL OR ${this.staleSql(n + 1)})
        ORDER BY e.evaluated_at ASC NULLS FIRST, k.id
        LIMIT ${Number(limit)}`,
      [...filter.params, visibilityScope(viewer), today, change],
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

/** The four aggregates of dashboard() as one row per agency, in the shape counts() reads. */
function mergeAggregates(agg: { s: Array<{ a: string; status: MeasureStatus; n: number }>; o: Array<Record<string, unknown>>; p: Array<Record<string, unknown>>; c: Array<Record<string, unknown>> }): Array<Record<string, unknown>> {
  const rows = new Map<string, Record<string, unknown>>();
  const row = (a: string) => {
    let r = rows.get(a);
    if (!r) rows.set(a, (r = { agencyId: a, total: 0 }));
    return r;
  };
  for (const x of agg.s) {
    const r = row(x.a);
    r[x.status] = x.n;
    r.total = Number(r.total) + x.n;
  }
  for (const part of [agg.o, agg.p, agg.c]) for (const x of part) Object.assign(row(String(x.a)), x);
  return [...rows.values()];
}

const emptyTally = (): KeyFigureTally => ({ total: 0, onTrack: 0, offTrack: 0, noData: 0, notEvaluated: 0, stale: 0 });

function counts(m: Record<string, unknown> | undefined, k: { total: number; onTrack: number; offTrack: number; noData: number; notEvaluated: number; stale: number; flagged: number } | undefined): DashboardCounts {
  const num = (key: string) => Number(m?.[key] ?? 0);
  const byStatus = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, num(s)])) as Record<MeasureStatus, number>;
  const dueInPeriod = num('dueInPeriod');
  const doneOfDue = num('doneOfDue');
  return {
    total: num('total'),
    byStatus,
    open: byStatus.planned + byStatus.in_progress + byStatus.blocked,
    overdue: num('overdue'),
    maxDaysOverdue: m?.maxDaysOverdue === null || m?.maxDaysOverdue === undefined ? null : Number(m.maxDaysOverdue),
    dueNext14Days: num('dueNext14Days'),
    completion: { dueInPeriod, doneOfDue, rate: dueInPeriod ? Math.round((doneOfDue / dueInPeriod) * 1000) / 1000 : null, completedInPeriod: num('completedInPeriod') },
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
