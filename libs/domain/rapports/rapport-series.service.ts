import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { AuditedRecord, setActiveAudited, updateAudited } from '../common/audited-change.js';
import { berlinToday } from '../common/berlin-time.js';
import { DomainError } from '../common/domain-error.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
import { assertActiveReferences } from '../common/references.js';
import { VersionConflictError } from '../common/version-check.js';
import { rapportReadCondition } from './rapport-access.js';
import { RapportSeries } from './rapport-series.entity.js';
import { assertRecurrence } from './recurrence.js';
import { ensureUpcomingMeeting } from './series-schedule.js';

export interface SeriesInput {
  title: string;
  agencyIds: string[];
  rrule: string;
  startDate: string;
  startTime: string;
  location: string;
  durationMinutes: number;
}

export type SeriesPatch = Partial<SeriesInput>;

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

export interface SeriesView {
  series: RapportSeries;
  agencies: AgencyRef[];
}

const AUDITED = ['title', 'agencyIds', 'rrule', 'startDate', 'startTime', 'location', 'durationMinutes'];

@Injectable()
export class RapportSeriesService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly audit: AuditService) {}

  /** Coordinators (checked by the route). The first meeting is created with the series. */
  async create(actor: Actor, input: SeriesInput, now: Date = new Date()): Promise<SeriesView> {
    const rule = { rrule: input.rrule.trim(), startDate: input.startDate, startTime: input.startTime };
    await assertRecurrence(rule, now, berlinToday(now));
    return this.db.transaction(async (m) => {
      const agencyIds = await assertActiveReferences(m, 'agency', input.agencyIds, 'agencyIds');
      const series = m.create(RapportSeries, {
        title: input.title.trim(), ...rule, location: input.location.trim(), durationMinutes: input.durationMinutes, agencyIds, active: true, createdBy: actor.id,
      });
      await m.save(series);
      await this.audit.record(m, actor, 'create', 'rapport_series', series.id, AuditService.diff(null, { ...series }, AUDITED));
      await ensureUpcomingMeeting(m, this.audit, series.id, now);
      return (await loadSeriesViews(m, [series.id]))[0]!;
    });
  }

  /** Changes apply to the meetings expanded from now on; planned meetings are changed one by one. */
  async update(actor: Actor, id: string, patch: SeriesPatch, expectedVersion: number | undefined, now: Date = new Date()): Promise<SeriesView> {
    return this.db.transaction(async (m) => {
      const { row } = await updateAudited(m, this.audit, actor, RapportSeries, record(id), expectedVersion, { fields: AUDITED }, async (s) => {
        if (patch.title !== undefined) s.title = patch.title.trim();
        if (patch.location !== undefined) s.location = patch.location.trim();
        if (patch.durationMinutes !== undefined) s.durationMinutes = patch.durationMinutes;
        if (patch.agencyIds !== undefined) s.agencyIds = await assertActiveReferences(m, 'agency', patch.agencyIds, 'agencyIds', { kept: s.agencyIds });
        if (patch.rrule !== undefined) s.rrule = patch.rrule.trim();
        if (patch.startDate !== undefined) s.startDate = patch.startDate;
        if (patch.startTime !== undefined) s.startTime = patch.startTime;
        if (patch.rrule !== undefined || patch.startDate !== undefined || patch.startTime !== undefined) await assertRecurrence(s, now, berlinToday(now));
      });
      await ensureUpcomingMeeting(m, this.audit, row.id, now);
      return (await loadSeriesViews(m, [row.id]))[0]!;
    }).catch(async (err: unknown) => {
      // The conflict carries the current state as a view (with the agencies' names), like every answer.
      if (err instanceof VersionConflictError) throw new VersionConflictError(err.extra.currentVersion as number, (await loadSeriesViews(this.db.manager, [id]))[0]!);
      throw err;
    });
  }

  /** A deactivated series gets no new meetings; the ones planned stay until cancelled one by one. */
  async setActive(actor: Actor, id: string, active: boolean, now: Date = new Date()): Promise<SeriesView> {
    return this.db.transaction(async (m) => {
      await setActiveAudited(m, this.audit, actor, RapportSeries, record(id), active);
      if (active) await ensureUpcomingMeeting(m, this.audit, id, now);
      return (await loadSeriesViews(m, [id]))[0]!;
    });
  }

  async get(viewer: Actor, id: string): Promise<SeriesView> {
    const qb = this.db.getRepository(RapportSeries).createQueryBuilder('s').select('s.id').where('s.id = :id', { id });
    const cond = rapportReadCondition('s', viewer, { invitations: false });
    if (cond) qb.andWhere(cond.sql, cond.params);
    if (!(await qb.getExists())) throw DomainError.notFound('rapport series');
    return (await loadSeriesViews(this.db.manager, [id]))[0]!;
  }

  async list(viewer: Actor, filter: { active?: boolean }, page: PageRequest): Promise<Page<SeriesView>> {
    const qb = this.db.getRepository(RapportSeries).createQueryBuilder('s');
    const cond = rapportReadCondition('s', viewer, { invitations: false });
    if (cond) qb.andWhere(cond.sql, cond.params);
    if (filter.active !== undefined) qb.andWhere('s.active = :active', { active: filter.active });
    const result = await paginate(qb, page, { createdAt: { sql: 's.created_at', type: 'timestamptz' } }, { sql: 's.id', type: 'uuid' });
    return { items: await loadSeriesViews(this.db.manager, result.items.map((s) => s.id)), nextCursor: result.nextCursor };
  }

  /** The worker's periodic pass: every active series, each in its own transaction. */
  async ensureAllUpcoming(now: Date = new Date()): Promise<{ series: number; created: number }> {
    const ids = (await this.db.query(`SELECT id FROM rapport_series WHERE active ORDER BY id`) as Array<{ id: string }>).map((r) => r.id);
    let created = 0;
    const failed: string[] = [];
    for (const id of ids) {
      try {
        if (await this.db.transaction((m) => ensureUpcomingMeeting(m, this.audit, id, now))) created++;
      } catch {
        failed.push(id); // one broken series must not keep the others without a meeting
      }
    }
    if (failed.length) throw new Error(`rapport series could not be scheduled: ${failed.join(', ')}`);
    return { series: ids.length, created };
  }
}

function record(id: string): AuditedRecord<RapportSeries> {
  return { entityType: 'rapport_series', id, where: { id }, notFound: () => DomainError.notFound('rapport series') };
}

export async function agencyRefs(m: EntityManager, ids: string[]): Promise<Map<string, AgencyRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await m.getRepository(Agency).createQueryBuilder('a').where('a.id IN (:...ids)', { ids: unique }).getMany();
  return new Map(rows.map((a) => [a.id, { id: a.id, code: a.code, name: a.name }]));
}

async function loadSeriesViews(m: EntityManager, ids: string[]): Promise<SeriesView[]> {
  if (!ids.length) return [];
  const rows = await m.getRepository(RapportSeries).createQueryBuilder('s').where('s.id IN (:...ids)', { ids }).getMany();
  const agencies = await agencyRefs(m, rows.flatMap((s) => s.agencyIds));
  const byId = new Map(rows.map((s) => [s.id, s]));
  return ids.filter((id) => byId.has(id)).map((id) => {
    const series = byId.get(id)!;
    return { series, agencies: series.agencyIds.map((a) => agencies.get(a) ?? { id: a, code: '', name: '' }) };
  });
}
