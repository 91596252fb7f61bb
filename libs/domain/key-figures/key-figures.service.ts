import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { assertActiveReferences } from '../common/references.js';
import type { DevelopmentCategory } from '../developments/development-enums.js';
import { readDevelopmentChange } from '../developments/development-changes.js';
import { applyDevelopmentFilter } from '../developments/development-filter.js';
import { DevelopmentMeasure, measureSql } from '../developments/development-measure.js';
import { applyVisibility, visibilityScope, VisibilityViewer } from '../developments/development-visibility.js';
import { Development } from '../developments/development.entity.js';
import { berlinStartOfDay, berlinToday, daysBetween, isIsoDate } from '../common/berlin-time.js';
import { recordMeasureEvent } from '../measures/measure-history.js';
import { isOpen } from '../measures/measure-status.js';
import { Measure } from '../measures/measure.entity.js';
import { checkVersion } from '../common/version-check.js';
import { developmentInDistrictsSql } from '../places/district-filter.js';
import { sqlDistanceMeters } from '../places/geo.js';
import { assertInCityArea } from '../places/places.service.js';
import { AreaCounts, DEFAULT_BUFFER_FACTOR, displacementWindows, MAX_BUFFER_FACTOR, weightedDisplacementQuotient, WdqResult } from './displacement.js';
import {
  actualWindows, baselineWindows, bucketBounds, DEFAULT_BASELINE_PERIODS, isComplete, judgeKeyFigure, KeyFigureJudgement, KeyFigurePeriod, MAX_BASELINE_PERIODS,
  PeriodCount, PeriodWindow, TargetKind,
} from './key-figure-rules.js';
import { KeyFigure } from './key-figure.entity.js';

export interface KeyFigurePoint {
  lat: number;
  lon: number;
  radiusM: number;
}

export interface KeyFigureInput {
  name: string;
  categories: DevelopmentCategory[];
  placeIds?: string[];
  districtIds?: string[];
  point?: KeyFigurePoint | null;
  bufferFactor?: number;
  controlDistrictId?: string | null;
  period?: KeyFigurePeriod;
  measure?: DevelopmentMeasure;
  baselinePeriods?: number;
  targetKind: TargetKind;
  targetValue: number;
  targetDate: string;
}

export type KeyFigurePatch = Partial<KeyFigureInput>;

export interface DisplacementResult extends WdqResult {
  available: true;
  radiusM: number;
  bufferRadiusM: number;
  control: { kind: 'city' | 'district'; districtId: string | null };
  windows: { before: { from: Date; to: Date }; after: { from: Date; to: Date } };
  counts: { target: AreaCounts; buffer: AreaCounts; control: AreaCounts };
}

export type DisplacementOutcome = DisplacementResult | { available: false; reason: 'not_started' };

export interface KeyFigureResult {
  keyFigure: KeyFigure;
  measureId: string;
  startDate: string;
  today: string;
  computedAt: Date;
  baseline: PeriodCount[];
  actual: PeriodCount[];
  judgement: KeyFigureJudgement;
  /** Only for a key figure with a point and radius. */
  displacement: DisplacementOutcome | null;
}

export const MIN_RADIUS_M = 10;
export const MAX_RADIUS_M = 10_000;
const KF_AUDITED = ['name', 'categories', 'placeIds', 'districtIds', 'centerLat', 'centerLon', 'radiusM', 'bufferFactor', 'controlDistrictId', 'period', 'measure', 'baselinePeriods', 'targetKind', 'targetValue', 'targetDate'];

type Viewer = VisibilityViewer;

/**
 * Key figures: definitions (coordinators; part of the agreement), and their evaluation for a
 * viewer, counted from logged developments only. Every count goes through applyVisibility and
 * leaves withdrawn developments out. A result is a function of what the viewer may see and of
 * nothing else: no count, flag, rounding or extra query depends on records hidden from them.
 */
@Injectable()
export class KeyFiguresService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async add(actor: Actor, measureId: string, input: KeyFigureInput): Promise<KeyFigure> {
    return this.db.transaction(async (m) => {
      const measure = await lockOpenMeasure(m, measureId);
      const kf = m.create(KeyFigure, {
        measureId,
        name: input.name.trim(),
        categories: [...new Set(input.categories ?? [])],
        placeIds: input.placeIds ?? [],
        districtIds: input.districtIds ?? [],
        centerLat: input.point?.lat ?? null,
        centerLon: input.point?.lon ?? null,
        radiusM: input.point?.radiusM ?? null,
        bufferFactor: input.bufferFactor ?? DEFAULT_BUFFER_FACTOR,
        controlDistrictId: input.controlDistrictId ?? null,
        period: input.period ?? 'week',
        measure: input.measure ?? 'reports',
        baselinePeriods: input.baselinePeriods ?? DEFAULT_BASELINE_PERIODS,
        targetKind: input.targetKind,
        targetValue: input.targetValue,
        targetDate: input.targetDate,
      });
      await this.check(m, kf, measure, { bufferFactorGiven: input.bufferFactor !== undefined });
      await m.save(kf);
      const changes = AuditService.diff(null, { ...kf }, KF_AUDITED);
      await recordMeasureEvent(m, actor, measureId, 'key_figure_added', changes, { subjectId: kf.id });
      await this.audit.record(m, actor, 'create', 'key_figure', kf.id, { ...changes, measureId: { new: measureId } });
      return kf;
    });
  }

  async update(actor: Actor, measureId: string, id: string, patch: KeyFigurePatch, expectedVersion?: number): Promise<KeyFigure> {
    return this.db.transaction(async (m) => {
      const measure = await lockOpenMeasure(m, measureId);
      const kf = await m.getRepository(KeyFigure).findOne({ where: { id, measureId }, lock: { mode: 'pessimistic_write' } });
      if (!kf) throw DomainError.notFound('key figure', 'keyFigureId');
      await checkVersion(kf.version, expectedVersion, async () => kf);
      const before = { ...kf };
      if (patch.name !== undefined) kf.name = patch.name.trim();
      if (patch.categories !== undefined) kf.categories = [...new Set(patch.categories)];
      if (patch.placeIds !== undefined) kf.placeIds = patch.placeIds;
      if (patch.districtIds !== undefined) kf.districtIds = patch.districtIds;
      if (patch.point !== undefined) {
        kf.centerLat = patch.point?.lat ?? null;
        kf.centerLon = patch.point?.lon ?? null;
        kf.radiusM = patch.point?.radiusM ?? null;
        if (!patch.point) {
          // Without a circle there is no displacement watch: drop its settings with it.
          kf.controlDistrictId = null;
          kf.bufferFactor = DEFAULT_BUFFER_FACTOR;
        }
      }
      if (patch.bufferFactor !== undefined) kf.bufferFactor = patch.bufferFactor;
      if (patch.controlDistrictId !== undefined) kf.controlDistrictId = patch.controlDistrictId;
      if (patch.period !== undefined) kf.period = patch.period;
      if (patch.measure !== undefined) kf.measure = patch.measure;
      if (patch.baselinePeriods !== undefined) kf.baselinePeriods = patch.baselinePeriods;
      if (patch.targetKind !== undefined) kf.targetKind = patch.targetKind;
      if (patch.targetValue !== undefined) kf.targetValue = patch.targetValue;
      if (patch.targetDate !== undefined) kf.targetDate = patch.targetDate;
      await this.check(m, kf, measure, { bufferFactorGiven: patch.bufferFactor !== undefined, before });
      const changes = AuditService.diff(before, { ...kf }, KF_AUDITED);
      if (Object.keys(changes).length === 0) return kf;
      await m.save(kf);
      await recordMeasureEvent(m, actor, measureId, 'key_figure_updated', changes, { subjectId: kf.id });
      await this.audit.record(m, actor, 'update', 'key_figure', kf.id, { ...changes, measureId: { new: measureId } });
      return kf;
    });
  }

  async remove(actor: Actor, measureId: string, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await lockOpenMeasure(m, measureId);
      const kf = await m.getRepository(KeyFigure).findOne({ where: { id, measureId }, lock: { mode: 'pessimistic_write' } });
      if (!kf) throw DomainError.notFound('key figure', 'keyFigureId');
      const changes = AuditService.diff({ ...kf }, {}, KF_AUDITED);
      // The evaluations go with it (ON DELETE CASCADE); the history keeps the definition it had.
      await m.delete(KeyFigure, { id });
      await recordMeasureEvent(m, actor, measureId, 'key_figure_removed', changes, { subjectId: id });
      await this.audit.record(m, actor, 'update', 'key_figure', id, { ...changes, removed: { new: true }, measureId: { new: measureId } });
    });
  }

  /** A measure's key figures, counted live for this viewer (and stored as the dashboard cache of the viewer's visibility scope). */
  async evaluateMeasure(viewer: Viewer, measureId: string, now: Date = new Date()): Promise<{ measure: Measure; results: KeyFigureResult[] }> {
    const measure = await this.db.getRepository(Measure).findOneBy({ id: measureId });
    if (!measure) throw DomainError.notFound('measure');
    const kfs = await this.db.getRepository(KeyFigure).find({ where: { measureId }, order: { createdAt: 'ASC' } });
    // The change counter of what the viewer may see is read before counting (development-changes.ts).
    const { n: change } = await readDevelopmentChange(this.db.manager, viewer);
    const results = await Promise.all(kfs.map((kf) => this.evaluate(viewer, kf, measure, now)));
    await this.storeEvaluations(viewer, results.map((r) => ({ result: r, startDate: measure.startDate })), change, now);
    return { measure, results };
  }

  /** Re-evaluates the given key figures for the viewer's visibility scope and stores the results (dashboard cache). */
  /**
   * `readChange`: the change counter the caller already read before choosing what is stale; the
   * results are stamped with it (they count at least that much), so the caller's view of what is
   * current agrees with what was stored even while other developments arrive.
   */
  async refreshEvaluations(viewer: Viewer, keyFigureIds: string[], now: Date = new Date(), readChange?: string): Promise<number> {
    if (!keyFigureIds.length) return 0;
    const kfs = await this.db.getRepository(KeyFigure).createQueryBuilder('k').where('k.id IN (:...ids)', { ids: keyFigureIds }).getMany();
    const measures = await this.db.getRepository(Measure).createQueryBuilder('m').select(['m.id', 'm.startDate'])
      .where('m.id IN (:...ids)', { ids: [...new Set(kfs.map((k) => k.measureId))] }).getMany();
    const starts = new Map(measures.map((x) => [x.id, x.startDate]));
    const change = readChange ?? (await readDevelopmentChange(this.db.manager, viewer)).n;
    const out: Array<{ result: KeyFigureResult; startDate: string }> = [];
    for (const kf of kfs) {
      const startDate = starts.get(kf.measureId);
      if (startDate) out.push({ result: await this.evaluate(viewer, kf, { startDate }, now), startDate });
    }
    await this.storeEvaluations(viewer, out, change, now);
    return out.length;
  }

  /** Counts one key figure for one viewer. Pure reads; nothing stored. */
  async evaluate(viewer: Viewer, kf: KeyFigure, measure: Pick<Measure, 'startDate'>, now: Date = new Date()): Promise<KeyFigureResult> {
    const today = berlinToday(now);
    const baselineW = baselineWindows(measure.startDate, kf.period, kf.baselinePeriods);
    const actualW = actualWindows(measure.startDate, kf.period, today);
    const windows = [...baselineW, ...actualW];
    const { bounds, bucketOf } = bucketBounds(windows);
    const boundInstants = bounds.map((d) => berlinStartOfDay(d));
    const from = boundInstants[0]!;
    const to = boundInstants[boundInstants.length - 1]!;

    const hasCircle = kf.centerLat !== null && kf.centerLon !== null && kf.radiusM !== null;
    // Independent reads side by side on pooled connections: the visible counts and the displacement
    // watch. Nothing else is read: whatever the viewer may not see leaves no trace in the result,
    // its timing or its code path (issue 7).
    const [visible, d] = await Promise.all([
      this.locationQuery(kf, from, to, viewer)
        .select(`width_bucket(d.observed_at, CAST(:kfBounds AS timestamptz[]))`, 'b').addSelect(measureSql('d', kf.measure), 'n')
        .setParameter('kfBounds', boundInstants.map((x) => x.toISOString()))
        .groupBy('1').getRawMany<{ b: number; n: number }>(),
      hasCircle ? this.displacement(viewer, kf, berlinStartOfDay(measure.startDate), now) : Promise.resolve(null),
    ]);
    const perWindow = windows.map(() => 0);
    for (const row of visible) {
      const w = bucketOf[Number(row.b) - 1];
      if (w !== undefined && w !== null) perWindow[w]! += Number(row.n);
    }

    const toCount = (w: PeriodWindow, i: number): PeriodCount => ({ ...w, count: perWindow[i]!, complete: isComplete(w, today) });
    const baseline = baselineW.map((w, i) => toCount(w, i));
    const actual = actualW.map((w, i) => toCount(w, baselineW.length + i));
    const judgement = judgeKeyFigure({ startDate: measure.startDate, target: { kind: kf.targetKind, value: kf.targetValue, date: kf.targetDate }, baseline, actual });
    return { keyFigure: kf, measureId: kf.measureId, startDate: measure.startDate, today, computedAt: now, baseline, actual, judgement, displacement: d };
  }

  /**
   * Target area A (the circle), buffer ring B (radius .. bufferFactor x radius) and control area C
   * (the rest of the city, or the chosen district without A and B), each before and after the
   * start over equally long windows; then the WDQ of displacement.ts.
   */
  private async displacement(viewer: Viewer, kf: KeyFigure, start: Date, now: Date): Promise<DisplacementOutcome> {
    const windows = displacementWindows(start, now);
    if (!windows) return { available: false, reason: 'not_started' };
    const r = kf.radiusM!;
    const outer = r * kf.bufferFactor;
    const from = windows.before.from;
    const to = windows.after.to;
    const ctrl = kf.controlDistrictId;

    // A and B in one pass over the outer circle (bounding-box index range, then haversine).
    const ring = () => {
      const qb = applyVisibility(this.devs(), 'd', viewer);
      applyDevelopmentFilter(qb, 'd', { categories: kf.categories, from, to, near: { lat: kf.centerLat!, lon: kf.centerLon!, radiusM: outer } });
      return qb;
    };
    const controlQuery = () => {
      const qb = applyVisibility(this.devs(), 'd', viewer);
      applyDevelopmentFilter(qb, 'd', { categories: kf.categories, from, to, ...(ctrl ? { districtId: ctrl } : {}) });
      return qb;
    };
    const [abRows, cRows] = await Promise.all([
      ring()
        .select(`(${sqlDistanceMeters('d.lat', 'd.lon', 'kfA')} <= :kfR)`, 'inA')
        .addSelect('(d.observed_at >= :kfStart)', 'after')
        .addSelect(ctrl ? `coalesce(${developmentInDistrictsSql('d', ':kfCtrls')}, false)` : 'true', 'inCtrl')
        .addSelect(measureSql('d', kf.measure), 'n')
        .setParameters({ kfALat: kf.centerLat, kfALon: kf.centerLon, kfR: r, kfStart: start, ...(ctrl ? { kfCtrls: [ctrl] } : {}) })
        .groupBy('1').addGroupBy('2').addGroupBy('3')
        .getRawMany<{ inA: boolean; after: boolean; inCtrl: boolean; n: number }>(),
      controlQuery().select('(d.observed_at >= :kfStart)', 'after').addSelect(measureSql('d', kf.measure), 'n')
        .setParameter('kfStart', start).groupBy('1').getRawMany<{ after: boolean; n: number }>(),
    ]);
    const target: AreaCounts = { before: 0, after: 0 };
    const buffer: AreaCounts = { before: 0, after: 0 };
    const abInCtrl: AreaCounts = { before: 0, after: 0 };
    for (const row of abRows) {
      const n = Number(row.n);
      const key = row.after ? 'after' : 'before';
      (row.inA ? target : buffer)[key] += n;
      if (row.inCtrl) abInCtrl[key] += n;
    }
    const total: AreaCounts = { before: 0, after: 0 };
    for (const row of cRows) total[row.after ? 'after' : 'before'] += Number(row.n);
    const control: AreaCounts = { before: total.before - abInCtrl.before, after: total.after - abInCtrl.after };

    const wdq = weightedDisplacementQuotient(target, buffer, control);
    return {
      available: true, radiusM: r, bufferRadiusM: Math.round(outer), control: { kind: ctrl ? 'district' : 'city', districtId: ctrl },
      windows, counts: { target, buffer, control }, ...wdq,
    };
  }

  private devs(): SelectQueryBuilder<Development> {
    return this.db.getRepository(Development).createQueryBuilder('d');
  }

  /** Developments matching the key figure's categories and location in [from, to) that the viewer may see. */
  private locationQuery(kf: KeyFigure, from: Date, to: Date, viewer: Viewer): SelectQueryBuilder<Development> {
    const qb = applyVisibility(this.devs(), 'd', viewer);
    const near = kf.centerLat !== null && kf.centerLon !== null && kf.radiusM !== null ? { lat: kf.centerLat, lon: kf.centerLon, radiusM: kf.radiusM } : undefined;
    applyDevelopmentFilter(qb, 'd', { categories: kf.categories, from, to, near });
    if (kf.placeIds.length || kf.districtIds.length) {
      const arms: string[] = [];
      if (kf.placeIds.length) arms.push('d.place_id = ANY(CAST(:kfPlaces AS uuid[]))');
      if (kf.districtIds.length) arms.push(developmentInDistrictsSql('d', ':kfDistricts'));
      qb.andWhere(`(${arms.join(' OR ')})`, { kfPlaces: kf.placeIds, kfDistricts: kf.districtIds });
    }
    return qb;
  }

  private async storeEvaluations(viewer: Viewer, items: Array<{ result: KeyFigureResult; startDate: string }>, change: string, now: Date): Promise<void> {
    if (!items.length) return;
    const params: unknown[] = [];
    const tuples = items.map(({ result, startDate }) => {
      const d = result.displacement?.available ? result.displacement : null;
      params.push(result.keyFigure.id, visibilityScope(viewer), evaluationFingerprint(result.keyFigure.version, startDate), now, result.today, change,
        result.judgement.status, d?.displacementSuspected ?? false, d?.wdq ?? null);
      const b = params.length - 9;
      return `($${b + 1}::uuid, $${b + 2}, $${b + 3}, $${b + 4}::timestamptz, $${b + 5}::date, $${b + 6}::bigint, $${b + 7}, $${b + 8}::boolean, $${b + 9}::double precision)`;
    });
    // Only key figures that still exist: one removed in the meantime would break the foreign key.
    await this.db.query(
      `INSERT INTO key_figure_evaluations (key_figure_id, viewer_scope, fingerprint, evaluated_at, evaluated_on, developments_change, status, displacement_suspected, wdq)
       SELECT v.* FROM (VALUES ${tuples.join(', ')}) AS v(key_figure_id, viewer_scope, fingerprint, evaluated_at, evaluated_on, developments_change, status, displacement_suspected, wdq)
        WHERE EXISTS (SELECT 1 FROM key_figures k WHERE k.id = v.key_figure_id)
       ON CONFLICT (viewer_scope, key_figure_id) DO UPDATE SET
         fingerprint = EXCLUDED.fingerprint, evaluated_at = EXCLUDED.evaluated_at, evaluated_on = EXCLUDED.evaluated_on,
         developments_change = EXCLUDED.developments_change, status = EXCLUDED.status,
         displacement_suspected = EXCLUDED.displacement_suspected, wdq = EXCLUDED.wdq`,
      params,
    );
  }

  /** Input rules that a DTO cannot express; errors name the offending field. */
  private async check(m: EntityManager, kf: KeyFigure, measure: Measure, opts: { bufferFactorGiven: boolean; before?: KeyFigure }): Promise<void> {
    if (!kf.categories.length) throw new DomainError(400, 'KEY_FIGURE_CATEGORY_REQUIRED', 'A key figure counts developments of at least one category.', 'categories');
    if (!isIsoDate(kf.targetDate)) throw new DomainError(400, 'INVALID_DATE', 'targetDate must be a calendar date YYYY-MM-DD.', 'targetDate');
    if (daysBetween(measure.startDate, kf.targetDate) <= 0) {
      throw new DomainError(400, 'TARGET_DATE_NOT_AFTER_START', `The target date must lie after the measure's start (${measure.startDate}).`, 'targetDate', { startDate: measure.startDate });
    }
    if (kf.targetKind === 'percent' && !(kf.targetValue >= -100 && kf.targetValue <= 1000)) throw new DomainError(400, 'INVALID_TARGET', 'A percentage target lies between -100 and 1000.', 'targetValue');
    if (kf.targetKind === 'absolute' && !(kf.targetValue >= 0)) throw new DomainError(400, 'INVALID_TARGET', 'An absolute target is a count per period (0 or more).', 'targetValue');
    if (!(kf.baselinePeriods >= 1 && kf.baselinePeriods <= MAX_BASELINE_PERIODS)) throw new DomainError(400, 'INVALID_BASELINE', `baselinePeriods lies between 1 and ${MAX_BASELINE_PERIODS}.`, 'baselinePeriods');
    const hasPoint = kf.centerLat !== null;
    if (hasPoint && (kf.placeIds.length || kf.districtIds.length)) {
      throw new DomainError(400, 'LOCATION_AMBIGUOUS', 'Give either places and/or districts, or a point with a radius: not both.', 'point');
    }
    if (hasPoint) {
      if (!(kf.radiusM! >= MIN_RADIUS_M && kf.radiusM! <= MAX_RADIUS_M)) throw new DomainError(400, 'INVALID_RADIUS', `The radius lies between ${MIN_RADIUS_M} and ${MAX_RADIUS_M} metres.`, 'point.radiusM');
      assertInCityArea(this.config, kf.centerLat!, kf.centerLon!, { lat: 'point.lat', lon: 'point.lon' });
      if (!(kf.bufferFactor > 1 && kf.bufferFactor <= MAX_BUFFER_FACTOR)) throw new DomainError(400, 'INVALID_BUFFER_FACTOR', `The buffer factor lies above 1 and at most ${MAX_BUFFER_FACTOR}.`, 'bufferFactor');
    } else {
      if (kf.controlDistrictId) throw new DomainError(400, 'DISPLACEMENT_NEEDS_POINT', 'A control district is only used by the displacement watch, which needs a point with a radius.', 'controlDistrictId');
      if (opts.bufferFactorGiven && kf.bufferFactor !== DEFAULT_BUFFER_FACTOR) throw new DomainError(400, 'DISPLACEMENT_NEEDS_POINT', 'A buffer factor is only used by the displacement watch, which needs a point with a radius.', 'bufferFactor');
    }
    const b = opts.before;
    kf.placeIds = await assertActiveReferences(m, 'place', kf.placeIds, 'placeIds', { kept: b?.placeIds });
    kf.districtIds = await assertActiveReferences(m, 'district', kf.districtIds, 'districtIds', { kept: b?.districtIds });
    if (kf.controlDistrictId) await assertActiveReferences(m, 'district', [kf.controlDistrictId], 'controlDistrictId', { kept: b?.controlDistrictId ? [b.controlDistrictId] : [] });
  }
}

/** What an evaluation was computed for; a different value makes it stale. Also built in SQL by the dashboard. */
export function evaluationFingerprint(version: number, startDate: string): string {
  return `${version}|${startDate}`;
}

async function lockOpenMeasure(m: EntityManager, id: string): Promise<Measure> {
  const measure = await m.getRepository(Measure).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!measure) throw DomainError.notFound('measure');
  if (!isOpen(measure.status)) throw new DomainError(409, 'MEASURE_CLOSED', `The measure is ${measure.status}; its key figures can no longer be changed.`, 'status', { measureStatus: measure.status });
  return measure;
}
