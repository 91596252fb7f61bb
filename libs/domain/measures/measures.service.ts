import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
import { escapeLike } from '../common/query-helpers.js';
import { measureInDistrictSql } from '../places/district-filter.js';
import { assertActiveReferences } from '../common/references.js';
import { KeyFigure } from '../key-figures/key-figure.entity.js';
import { Person } from '../people/person.entity.js';
import { District } from '../places/district.entity.js';
import { Place } from '../places/place.entity.js';
import { berlinToday, daysBetween, isIsoDate } from '../common/berlin-time.js';
import { preparedQuery } from '../common/prepared-query.js';
import { assertCarriesMeasure, assertMayChangeStatus } from './measure-access.js';
import { MeasureCsvRow, measuresCsvFilename, measuresToCsv } from './measure-csv.js';
import { MeasureEvent } from './measure-event.entity.js';
import { recordMeasureEvent } from './measure-history.js';
import { assertTransition, isOpen, MeasurePriority, MeasureStatus, OPEN_STATUSES, requiredText } from './measure-status.js';
import { Measure } from './measure.entity.js';
import { Milestone } from './milestone.entity.js';
import { loadMeasureViews, MEASURE_COLUMNS, type MeasureRecord, type MeasureRow, type MeasureView, type NamedRef, toMeasureRecord, writeMeasure } from './measure-view.js';
import { checkVersion } from '../common/version-check.js';
import { planMeasureReminders, planMilestoneReminders } from '../notifications/rules/measure-reminders.js';

export interface MilestoneInput {
  title: string;
  dueDate: string;
}

export interface MeasureInput {
  title: string;
  /** Free text: never logged, never copied into the audit trail. */
  description?: string;
  owningAgencyId: string;
  responsibleId: string;
  deputyId?: string | null;
  /** Berlin date YYYY-MM-DD; not before today. */
  deadline: string;
  /** Berlin date YYYY-MM-DD; default today. Key-figure baselines end here. */
  startDate?: string;
  priority?: MeasurePriority;
  placeIds?: string[];
  districtIds?: string[];
  rapportId?: string | null;
  agendaItemId?: string | null;
  milestones?: MilestoneInput[];
}

export type MeasurePatch = Partial<Omit<MeasureInput, 'milestones'>>;

export interface StatusChangeInput {
  status: MeasureStatus;
  /** Why it is blocked or cancelled (required for those). */
  reason?: string;
  /** Completion note (required for done); an optional remark otherwise. */
  note?: string;
}

export interface MilestonePatch {
  title?: string;
  dueDate?: string;
  done?: boolean;
}

export interface MeasureFilter {
  status?: MeasureStatus[];
  priority?: MeasurePriority;
  owningAgencyId?: string;
  /** Responsible or deputy. */
  personId?: string;
  districtId?: string;
  placeId?: string;
  rapportId?: string;
  overdue?: boolean;
  deadlineFrom?: string;
  deadlineTo?: string;
  /** Part of the title. */
  q?: string;
}


const AUDITED = ['title', 'description', 'owningAgencyId', 'responsibleId', 'deputyId', 'startDate', 'deadline', 'priority', 'status', 'statusReason', 'completionNote', 'placeIds', 'districtIds', 'rapportId', 'agendaItemId'];
const FREE_TEXT = ['description', 'statusReason', 'completionNote'];
const MILESTONE_FIELDS = ['title', 'dueDate', 'done'];
export const MAX_MILESTONES = 50;
export const EXPORT_MAX_ROWS = 100_000;

@Injectable()
export class MeasuresService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Coordinators record what a rapport agreed (the role is checked by the route). `guard` runs first
   * inside the transaction: the minutes use it to lock the meeting and check that it is still held,
   * so that a measure is never agreed in minutes published a moment before.
   */
  async create(actor: Actor, input: MeasureInput, now: Date = new Date(), guard?: (m: EntityManager) => Promise<void>): Promise<MeasureView> {
    const today = berlinToday(now);
    assertDate(input.deadline, 'deadline');
    if (daysBetween(today, input.deadline) < 0) throw new DomainError(422, 'DEADLINE_IN_PAST', 'The deadline lies in the past. Agree a deadline from today on.', 'deadline');
    const startDate = input.startDate ?? today;
    assertDate(startDate, 'startDate');
    if (daysBetween(startDate, input.deadline) < 0) throw new DomainError(400, 'DEADLINE_BEFORE_START', 'The deadline lies before the start date.', 'deadline');
    const milestones = input.milestones ?? [];
    milestones.forEach((ms, i) => assertDate(ms.dueDate, `milestones.${i}.dueDate`));
    return this.db.transaction(async (m) => {
      if (guard) await guard(m);
      await assertActiveReferences(m, 'agency', [input.owningAgencyId], 'owningAgencyId');
      await assertPersonOfAgency(m, input.responsibleId, input.owningAgencyId, 'responsibleId');
      if (input.deputyId) await assertDeputy(m, input.deputyId, input.responsibleId, input.owningAgencyId);
      const placeIds = await assertActiveReferences(m, 'place', input.placeIds ?? [], 'placeIds');
      const districtIds = await assertActiveReferences(m, 'district', input.districtIds ?? [], 'districtIds');
      if (input.rapportId) await assertRapportExists(m, input.rapportId);
      if (input.agendaItemId) await assertAgendaItemOfRapport(m, input.agendaItemId, input.rapportId ?? null);
      const measure = m.create(Measure, {
        title: input.title.trim(),
        description: (input.description ?? '').trim(),
        owningAgencyId: input.owningAgencyId,
        responsibleId: input.responsibleId,
        deputyId: input.deputyId ?? null,
        startDate,
        deadline: input.deadline,
        priority: input.priority ?? 'normal',
        status: 'planned',
        statusReason: null,
        completionNote: null,
        completedAt: null,
        placeIds,
        districtIds,
        rapportId: input.rapportId ?? null,
        agendaItemId: input.agendaItemId ?? null,
        createdBy: actor.id,
      });
      await m.save(measure);
      const changes = AuditService.diff(null, { ...measure }, AUDITED, FREE_TEXT);
      await recordMeasureEvent(m, actor, measure.id, 'created', changes);
      await this.audit.record(m, actor, 'create', 'measure', measure.id, changes);
      for (const ms of milestones) await this.insertMilestone(m, actor, measure.id, ms);
      await planMeasureReminders(m, measure.id, now);
      return (await loadMeasureViews(m, [measure.id], today))[0]!;
    });
  }

  async get(id: string, now: Date = new Date()): Promise<MeasureView> {
    const [view] = await loadMeasureViews(this.db, [id], berlinToday(now));
    if (!view) throw DomainError.notFound('measure');
    return view;
  }

  async list(filter: MeasureFilter, page: PageRequest, now: Date = new Date()): Promise<Page<MeasureView>> {
    const today = berlinToday(now);
    const qb = this.db.getRepository(Measure).createQueryBuilder('m');
    applyMeasureFilter(qb, filter, today);
    const result = await paginate(qb, page, {
      deadline: { sql: 'm.deadline', type: 'date' },
      createdAt: { sql: 'm.created_at', type: 'timestamptz' },
      updatedAt: { sql: 'm.updated_at', type: 'timestamptz' },
    }, { sql: 'm.id', type: 'uuid' });
    const views = await loadMeasureViews(this.db, result.items.map((x) => x.id), today);
    return { items: views, nextCursor: result.nextCursor };
  }

  /**
   * Coordinators edit and reassign (owning agency, responsible, deputy, deadline). A stale
   * version is refused with the current state; a finished or cancelled measure stays as it is.
   */
  async update(actor: Actor, id: string, patch: MeasurePatch, expectedVersion?: number, now: Date = new Date()): Promise<MeasureView> {
    const today = berlinToday(now);
    return this.db.transaction(async (m) => {
      const measure = await lockMeasure(m, id);
      await checkVersion(measure.version, expectedVersion, async () => (await loadMeasureViews(m, [id], today))[0]!);
      assertOpen(measure);
      const before = { ...measure };
      if (patch.title !== undefined) measure.title = patch.title.trim();
      if (patch.description !== undefined) measure.description = patch.description.trim();
      if (patch.priority !== undefined) measure.priority = patch.priority;
      if (patch.rapportId !== undefined) {
        if (patch.rapportId && patch.rapportId !== measure.rapportId) await assertRapportExists(m, patch.rapportId);
        measure.rapportId = patch.rapportId;
      }
      if (patch.agendaItemId !== undefined) measure.agendaItemId = patch.agendaItemId;
      if ((patch.agendaItemId !== undefined || patch.rapportId !== undefined) && measure.agendaItemId
        && (measure.agendaItemId !== before.agendaItemId || measure.rapportId !== before.rapportId)) {
        await assertAgendaItemOfRapport(m, measure.agendaItemId, measure.rapportId, patch.agendaItemId !== undefined ? 'agendaItemId' : 'rapportId');
      }
      if (patch.placeIds !== undefined) measure.placeIds = await assertActiveReferences(m, 'place', patch.placeIds, 'placeIds', { kept: measure.placeIds });
      if (patch.districtIds !== undefined) measure.districtIds = await assertActiveReferences(m, 'district', patch.districtIds, 'districtIds', { kept: measure.districtIds });

      if (patch.deadline !== undefined && patch.deadline !== measure.deadline) {
        assertDate(patch.deadline, 'deadline');
        if (daysBetween(today, patch.deadline) < 0) throw new DomainError(422, 'DEADLINE_IN_PAST', 'The new deadline lies in the past. Agree a deadline from today on.', 'deadline');
        measure.deadline = patch.deadline;
      }
      if (patch.startDate !== undefined && patch.startDate !== measure.startDate) {
        assertDate(patch.startDate, 'startDate');
        measure.startDate = patch.startDate;
        const early = await m.getRepository(KeyFigure).createQueryBuilder('k').where('k.measure_id = :id AND k.target_date <= :start', { id, start: measure.startDate }).getCount();
        if (early) throw new DomainError(400, 'TARGET_DATE_NOT_AFTER_START', 'A key figure of this measure has a target date on or before the new start date; change its target date first.', 'startDate');
      }
      if (daysBetween(measure.startDate, measure.deadline) < 0) throw new DomainError(400, 'DEADLINE_BEFORE_START', 'The deadline lies before the start date.', patch.deadline !== undefined ? 'deadline' : 'startDate');

      // Reassignment: the responsible person and the deputy always belong to the owning agency.
      const agencyChanged = patch.owningAgencyId !== undefined && patch.owningAgencyId !== measure.owningAgencyId;
      if (agencyChanged) {
        await assertActiveReferences(m, 'agency', [patch.owningAgencyId!], 'owningAgencyId');
        measure.owningAgencyId = patch.owningAgencyId!;
      }
      if (patch.responsibleId !== undefined || agencyChanged) {
        measure.responsibleId = patch.responsibleId ?? measure.responsibleId;
        await assertPersonOfAgency(m, measure.responsibleId, measure.owningAgencyId, 'responsibleId');
      }
      if (patch.deputyId !== undefined) measure.deputyId = patch.deputyId;
      if (measure.deputyId && (patch.deputyId !== undefined || agencyChanged || patch.responsibleId !== undefined)) {
        await assertDeputy(m, measure.deputyId, measure.responsibleId, measure.owningAgencyId);
      }

      const changes = AuditService.diff(before, { ...measure }, AUDITED, FREE_TEXT);
      if (Object.keys(changes).length === 0) return (await loadMeasureViews(m, [id], today))[0]!;
      const view = await writeMeasure(m, measure, today);
      await recordMeasureEvent(m, actor, id, 'updated', changes);
      await this.audit.record(m, actor, 'update', 'measure', id, changes);
      await planMeasureReminders(m, id, now);
      return view;
    });
  }

  /** The workflow of measure-status.ts; who may move it is measure-access.ts. */
  async changeStatus(actor: Actor, id: string, input: StatusChangeInput, expectedVersion?: number, now: Date = new Date()): Promise<MeasureView> {
    const today = berlinToday(now);
    return this.db.transaction(async (m) => {
      const measure = await lockMeasure(m, id);
      assertMayChangeStatus(actor, measure, input.status);
      await checkVersion(measure.version, expectedVersion, async () => (await loadMeasureViews(m, [id], today))[0]!);
      assertTransition(measure.status, input.status);
      const reason = input.reason?.trim() || null;
      const note = input.note?.trim() || null;
      const needs = requiredText(input.status);
      if (needs === 'reason' && !reason) throw new DomainError(400, 'REASON_REQUIRED', `A measure that is ${input.status} needs a reason.`, 'reason');
      if (needs === 'note' && !note) throw new DomainError(400, 'COMPLETION_NOTE_REQUIRED', 'A finished measure needs a short completion note: what was done?', 'note');
      if (needs !== 'reason' && reason) throw new DomainError(400, 'REASON_NOT_ALLOWED', 'A reason is only given when a measure is blocked or cancelled; use note for a remark.', 'reason');

      const after: MeasureRecord = {
        ...measure,
        status: input.status,
        statusReason: needs === 'reason' ? reason : null,
        completionNote: input.status === 'done' ? note : null,
        completedAt: input.status === 'done' ? now : null,
        statusChangedAt: now,
      };
      const view = await writeMeasure(m, after, today);
      const changes = AuditService.diff({ ...measure }, { ...after }, AUDITED, FREE_TEXT);
      // The history shows the reason or note to the participants; the audit trail only marks it.
      await recordMeasureEvent(m, actor, id, 'status_changed', changes, { note: reason ?? note });
      await this.audit.record(m, actor, 'update', 'measure', id, changes);
      await planMeasureReminders(m, id, now);
      return view;
    });
  }

  /** A progress note: kept in the history (append-only); does not change the measure or its version. */
  async addNote(actor: Actor, id: string, text: string): Promise<MeasureEvent> {
    const note = text.trim();
    if (!note) throw new DomainError(400, 'NOTE_REQUIRED', 'The progress note is empty.', 'text');
    return this.db.transaction(async (m) => {
      const measure = await m.getRepository(Measure).findOneBy({ id });
      if (!measure) throw DomainError.notFound('measure');
      assertCarriesMeasure(actor, measure);
      await recordMeasureEvent(m, actor, id, 'progress_note', {}, { note });
      await this.audit.record(m, actor, 'update', 'measure', id, { progressNote: { changed: true } });
      return m.getRepository(MeasureEvent).createQueryBuilder('e').leftJoinAndSelect('e.actor', 'actor')
        .where('e.measure_id = :id AND e.kind = :kind', { id, kind: 'progress_note' }).orderBy('e.id', 'DESC').limit(1).getOneOrFail();
    });
  }

  /** Every change and note, oldest first. */
  async history(id: string, page: PageRequest): Promise<Page<MeasureEvent>> {
    const exists = await this.db.getRepository(Measure).existsBy({ id });
    if (!exists) throw DomainError.notFound('measure');
    const qb = this.db.getRepository(MeasureEvent).createQueryBuilder('e').leftJoinAndSelect('e.actor', 'actor').where('e.measure_id = :id', { id });
    // (at, id) within one measure: the order of measure_events_measure_idx, read as one range.
    return paginate(qb, { ...page, sort: 'at' }, { at: { sql: 'e.at', type: 'timestamptz' } }, { sql: 'e.id', type: 'bigint' });
  }

  async addMilestone(actor: Actor, measureId: string, input: MilestoneInput): Promise<Milestone> {
    assertDate(input.dueDate, 'dueDate');
    return this.db.transaction(async (m) => {
      const measure = await lockMeasure(m, measureId);
      assertCarriesMeasure(actor, measure);
      assertOpen(measure);
      const count = await m.getRepository(Milestone).countBy({ measureId });
      if (count >= MAX_MILESTONES) throw new DomainError(422, 'TOO_MANY_MILESTONES', `A measure has at most ${MAX_MILESTONES} milestones.`);
      const ms = await this.insertMilestone(m, actor, measureId, input);
      await planMilestoneReminders(m, ms.id);
      return ms;
    });
  }

  async updateMilestone(actor: Actor, measureId: string, milestoneId: string, patch: MilestonePatch, expectedVersion?: number, now: Date = new Date()): Promise<Milestone> {
    if (patch.dueDate !== undefined) assertDate(patch.dueDate, 'dueDate');
    return this.db.transaction(async (m) => {
      const measure = await lockMeasure(m, measureId);
      assertCarriesMeasure(actor, measure);
      const ms = await m.getRepository(Milestone).findOne({ where: { id: milestoneId, measureId }, lock: { mode: 'pessimistic_write' } });
      if (!ms) throw DomainError.notFound('milestone', 'milestoneId');
      await checkVersion(ms.version, expectedVersion, async () => ms);
      assertOpen(measure);
      const before = { ...ms };
      if (patch.title !== undefined) ms.title = patch.title.trim();
      if (patch.dueDate !== undefined) ms.dueDate = patch.dueDate;
      if (patch.done !== undefined && patch.done !== ms.done) {
        ms.done = patch.done;
        ms.doneAt = patch.done ? now : null;
      }
      const changes = AuditService.diff(before, { ...ms }, MILESTONE_FIELDS);
      if (Object.keys(changes).length === 0) return ms;
      await m.save(ms);
      await recordMeasureEvent(m, actor, measureId, 'milestone_updated', changes, { subjectId: ms.id });
      await this.audit.record(m, actor, 'update', 'milestone', ms.id, { ...changes, measureId: { new: measureId } });
      await planMilestoneReminders(m, ms.id, now);
      return ms;
    });
  }

  /** The filtered list as CSV (same conventions as the developments export); every export is audited. */
  async exportCsv(viewer: Actor, filter: MeasureFilter, now: Date = new Date()): Promise<{ csv: string; rows: number; filename: string }> {
    const today = berlinToday(now);
    const counted = await applyMeasureFilter(this.db.getRepository(Measure).createQueryBuilder('m'), filter, today).getCount();
    if (counted > EXPORT_MAX_ROWS) {
      throw new DomainError(422, 'EXPORT_TOO_LARGE', `The export would have ${counted} rows; at most ${EXPORT_MAX_ROWS} are possible. Narrow the filter.`, undefined, { rows: counted, maxRows: EXPORT_MAX_ROWS });
    }
    const qb = applyMeasureFilter(this.db.getRepository(Measure).createQueryBuilder('m'), filter, today)
      .innerJoin(Agency, 'a', 'a.id = m.owning_agency_id')
      .innerJoin(Person, 'r', 'r.id = m.responsible_id')
      .leftJoin(Person, 'dep', 'dep.id = m.deputy_id')
      .select(['m.title AS title', 'm.status AS status', 'm.priority AS priority', 'a.name AS "agencyName"', 'r.display_name AS "responsibleName"',
        'dep.display_name AS "deputyName"', `to_char(m.deadline, 'YYYY-MM-DD') AS deadline`, `to_char(m.start_date, 'YYYY-MM-DD') AS "startDate"`,
        'm.place_ids AS "placeIds"', 'm.district_ids AS "districtIds"', 'm.description AS description', 'm.status_reason AS "statusReason"',
        'm.completion_note AS "completionNote"', 'm.completed_at AS "completedAt"', 'm.created_at AS "createdAt"', 'm.updated_at AS "updatedAt"',
        '(SELECT count(*)::int FROM milestones ms WHERE ms.measure_id = m.id) AS "milestones"',
        '(SELECT count(*)::int FROM milestones ms WHERE ms.measure_id = m.id AND ms.done) AS "milestonesDone"'])
      .orderBy('m.deadline', 'ASC').addOrderBy('m.id', 'ASC');
    const raw = await qb.getRawMany<{
      title: string; status: MeasureStatus; priority: MeasurePriority; agencyName: string; responsibleName: string; deputyName: string | null; deadline: string; startDate: string;
      placeIds: string[]; districtIds: string[]; description: string; statusReason: string | null; completionNote: string | null; completedAt: Date | null; createdAt: Date; updatedAt: Date;
      milestones: number; milestonesDone: number;
    }>();
    const names = await refNames(this.db.manager, raw.flatMap((r) => r.placeIds ?? []), raw.flatMap((r) => r.districtIds ?? []));
    const rows: MeasureCsvRow[] = raw.map((r) => ({
      ...r,
      completedAt: r.completedAt ? new Date(r.completedAt) : null,
      createdAt: new Date(r.createdAt),
      updatedAt: new Date(r.updatedAt),
      placeNames: (r.placeIds ?? []).map((id) => names.places.get(id) ?? id),
      districtNames: (r.districtIds ?? []).map((id) => names.districts.get(id) ?? id),
      milestones: Number(r.milestones),
      milestonesDone: Number(r.milestonesDone),
    }));
    // The export itself is the audited event; the filter is kept, its title search text is not.
    const { q, ...auditable } = filter;
    await this.audit.record(this.db.manager, viewer, 'export', 'measure', randomUUID(), {
      filter: { new: { ...auditable, ...(q ? { textSearch: true } : {}) } },
      rows: { new: rows.length },
    });
    return { csv: measuresToCsv(rows, today), rows: rows.length, filename: measuresCsvFilename(now) };
  }

  private async insertMilestone(m: EntityManager, actor: Actor, measureId: string, input: MilestoneInput): Promise<Milestone> {
    const ms = m.create(Milestone, { measureId, title: input.title.trim(), dueDate: input.dueDate, done: false, doneAt: null });
    await m.save(ms);
    const changes = AuditService.diff(null, { ...ms }, MILESTONE_FIELDS);
    await recordMeasureEvent(m, actor, measureId, 'milestone_added', changes, { subjectId: ms.id });
    await this.audit.record(m, actor, 'create', 'milestone', ms.id, { ...changes, measureId: { new: measureId } });
    return ms;
  }
}

/** Filters shared by the list, the export and (district, rapport) the dashboard. */
export function applyMeasureFilter<T extends SelectQueryBuilder<Measure>>(qb: T, f: MeasureFilter, today: string): T {
  if (f.status?.length) qb.andWhere('m.status IN (:...fStatus)', { fStatus: [...new Set(f.status)] });
  if (f.priority) qb.andWhere('m.priority = :fPriority', { fPriority: f.priority });
  if (f.owningAgencyId) qb.andWhere('m.owning_agency_id = :fAgency', { fAgency: f.owningAgencyId });
  if (f.personId) qb.andWhere('(m.responsible_id = :fPerson OR m.deputy_id = :fPerson)', { fPerson: f.personId });
  if (f.placeId) qb.andWhere('m.place_ids @> ARRAY[:fPlace]::uuid[]', { fPlace: f.placeId });
  if (f.districtId) qb.andWhere(measureInDistrictSql('m', ':fDistrict'), { fDistrict: f.districtId });
  if (f.rapportId) qb.andWhere('m.rapport_id = :fRapport', { fRapport: f.rapportId });
  if (f.deadlineFrom) qb.andWhere('m.deadline >= :fDlFrom', { fDlFrom: f.deadlineFrom });
  if (f.deadlineTo) qb.andWhere('m.deadline <= :fDlTo', { fDlTo: f.deadlineTo });
  if (f.q) qb.andWhere('m.title ILIKE :fQ', { fQ: `%${escapeLike(f.q)}%` });
  if (f.overdue !== undefined) {
    qb.andWhere(new Brackets((b) => {
      const sql = `(m.status IN (:...fOpen) AND m.deadline < :fToday)`;
      b.where(f.overdue ? sql : `NOT ${sql}`, { fOpen: OPEN_STATUSES, fToday: today });
    }));
  }
  return qb;
}

export function assertDate(value: string, field: string): void {
  if (!isIsoDate(value)) throw new DomainError(400, 'INVALID_DATE', `${field} must be a calendar date YYYY-MM-DD.`, field);
}

function assertOpen(measure: Pick<MeasureRecord, 'status'>): void {
  if (!isOpen(measure.status)) throw new DomainError(409, 'MEASURE_CLOSED', `The measure is ${measure.status}; it can no longer be changed.`, 'status', { measureStatus: measure.status });
}

/** The measure's row, locked until the transaction ends: one prepared statement, no entity. */
async function lockMeasure(m: EntityManager, id: string): Promise<MeasureRecord> {
  const [row] = await preparedQuery<MeasureRow>(m, `SELECT ${MEASURE_COLUMNS} FROM measures m WHERE m.id = $1 FOR UPDATE`, [id]);
  if (!row) throw DomainError.notFound('measure');
  return toMeasureRecord(row);
}

/** An active person of the owning agency (the existence and active check is the shared one). */
async function assertPersonOfAgency(m: EntityManager, personId: string, agencyId: string, field: 'responsibleId' | 'deputyId'): Promise<void> {
  await assertActiveReferences(m, 'person', [personId], field);
  const person = await m.findOneByOrFail(Person, { id: personId });
  if (person.agencyId !== agencyId) {
    const who = field === 'responsibleId' ? 'responsible person' : 'deputy';
    throw new DomainError(422, field === 'responsibleId' ? 'RESPONSIBLE_NOT_IN_AGENCY' : 'DEPUTY_NOT_IN_AGENCY', `The ${who} must belong to the owning agency.`, field);
  }
}

async function assertDeputy(m: EntityManager, deputyId: string, responsibleId: string, agencyId: string): Promise<void> {
  if (deputyId === responsibleId) throw new DomainError(400, 'DEPUTY_IS_RESPONSIBLE', 'The deputy must be another person than the responsible one.', 'deputyId');
  await assertPersonOfAgency(m, deputyId, agencyId, 'deputyId');
}

async function refNames(m: EntityManager, placeIds: string[], districtIds: string[]): Promise<{ places: Map<string, string>; districts: Map<string, string> }> {
  const p = [...new Set(placeIds)];
  const d = [...new Set(districtIds)];
  const places = p.length ? await m.getRepository(Place).createQueryBuilder('p').select(['p.id AS id', 'p.name AS name']).where('p.id IN (:...ids)', { ids: p }).getRawMany<NamedRef>() : [];
  const districts = d.length ? await m.getRepository(District).createQueryBuilder('d').select(['d.id AS id', 'd.name AS name']).where('d.id IN (:...ids)', { ids: d }).getRawMany<NamedRef>() : [];
  return { places: new Map(places.map((x) => [x.id, x.name])), districts: new Map(districts.map((x) => [x.id, x.name])) };
}

/** measures.rapport_id is a foreign key (issue 8): an unknown rapport is the caller's mistake (422), not a 500. */
/** An agenda item a measure links to is an item of the measure's rapport (a foreign key since minutes per item). */
async function assertAgendaItemOfRapport(m: EntityManager, agendaItemId: string, rapportId: string | null, field = 'agendaItemId'): Promise<void> {
  const [row] = (await m.query(`SELECT 1 FROM agenda_items WHERE id = $1 AND rapport_id = $2`, [agendaItemId, rapportId])) as unknown[];
  if (!row) throw new DomainError(422, 'AGENDA_ITEM_NOT_FOUND', `The agenda item ${agendaItemId} is not an item of the measure's rapport${rapportId ? '' : ' (name the rapport too)'}.`, field);
}

async function assertRapportExists(m: EntityManager, rapportId: string): Promise<void> {
  const [row] = (await m.query(`SELECT 1 FROM rapports WHERE id = $1`, [rapportId])) as unknown[];
  if (!row) throw new DomainError(422, 'RAPPORT_NOT_FOUND', `The rapport ${rapportId} does not exist.`, 'rapportId');
}
