import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type Actor, hasRole } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { checkVersion } from '../common/version-check.js';
import { MeasuresService, type MeasureInput } from '../measures/measures.service.js';
import type { MeasureView } from '../measures/measure-view.js';
import { Measure } from '../measures/measure.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { districtSituation, type DistrictSituation } from './agenda.service.js';
import { rapportReadCondition } from './rapport-access.js';
import { RapportInvitation } from './rapport-invitation.entity.js';
import { Rapport } from './rapport.entity.js';
import { MinutesEntry } from './minutes-entry.entity.js';

export interface MinutesEntryInput {
  heading?: string | null;
  notes?: string;
  decisions?: string;
}

/** A new entry: under one item of the meeting's agenda, or free (null/absent, e.g. "Verschiedenes"). */
export interface NewMinutesEntry extends MinutesEntryInput {
  agendaItemId?: string | null;
}

export interface AgendaItemRef {
  id: string;
  title: string;
  /** 0-based, as on the agenda. */
  position: number;
}

/** One entry as the minutes show it: its agenda item and the measures agreed under that item. */
export interface MinutesEntryView {
  entry: MinutesEntry;
  agendaItem: AgendaItemRef | null;
  measures: Measure[];
  /**
   * Under a district item: the situation as the agenda shows it to the reader (counts per category
   * against the period before, only of what the reader may see); null under any other entry.
   */
  situation: Pick<DistrictSituation, 'period' | 'categories'> | null;
}

/** A correction of one entry of the latest revision (by its id); what is left out is copied unchanged. */
export interface MinutesCorrection extends MinutesEntryInput {
  entryId: string;
}

/** The minutes of one meeting in one revision, with what the document shows around the entries. */
export interface MinutesView {
  rapport: Rapport;
  revision: number;
  /** The highest revision; GET shows it unless another is asked for. */
  latestRevision: number;
  published: boolean;
  attendance: RapportInvitation[];
  entries: MinutesEntryView[];
  /** Every measure agreed in this meeting (also those agreed under no agenda item). */
  measures: Measure[];
}

const AUDITED = ['heading', 'notes', 'decisions', 'position', 'revision', 'agendaItemId'];
const FREE_TEXT = ['heading', 'notes', 'decisions'];

/**
 * Minutes (issue 8). Entries are written while the meeting is held (409 MINUTES_NOT_OPEN before);
 * the status move held -> minutes_published (POST /rapports/{id}/status) makes them read-only
 * (409 MINUTES_PUBLISHED). Corrections after that are a new revision, never an edit in place.
 * Entries are written per agenda item (at most one entry per item and revision; the agenda is
 * frozen once the meeting is held, so the link is stable) or free; a measure agreed under an entry
 * links to the meeting and to the entry's agenda item.
 */
@Injectable()
export class MinutesService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly audit: AuditService, private readonly measures: MeasuresService) {}

  async get(viewer: Actor, rapportId: string, revision?: number): Promise<MinutesView> {
    await assertReadsMinutes(this.db.manager, viewer, rapportId);
    return loadMinutes(this.db.manager, viewer, rapportId, revision);
  }

  async addEntry(actor: Actor, rapportId: string, input: NewMinutesEntry): Promise<MinutesEntry> {
    return this.db.transaction(async (m) => {
      const r = await lockRapport(m, rapportId);
      assertWritable(r);
      const agendaItemId = input.agendaItemId ?? null;
      if (agendaItemId) await assertFreeAgendaItem(m, rapportId, agendaItemId);
      const [{ next }] = (await m.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM rapport_minutes WHERE rapport_id = $1 AND revision = 1`, [rapportId])) as [{ next: number }];
      const entry = m.create(MinutesEntry, {
        rapportId, agendaItemId, revision: 1, position: next, heading: input.heading?.trim() || null, notes: (input.notes ?? '').trim(), decisions: (input.decisions ?? '').trim(), previousId: null, createdBy: actor.id,
      });
      await m.save(entry);
      await this.audit.record(m, actor, 'create', 'minutes_entry', entry.id, { rapportId: { new: rapportId }, ...AuditService.diff(null, { ...entry }, AUDITED, FREE_TEXT) });
      return entry;
    });
  }

  /** `expectedVersion`: the entry's version the editor read (the route requires it); stale: 409 with the entry as it is now. */
  async updateEntry(actor: Actor, rapportId: string, entryId: string, input: MinutesEntryInput, expectedVersion: number | undefined): Promise<MinutesEntry> {
    return this.db.transaction(async (m) => {
      const r = await lockRapport(m, rapportId);
      const entry = await m.getRepository(MinutesEntry).findOne({ where: { id: entryId, rapportId }, lock: { mode: 'pessimistic_write' } });
      if (!entry) throw DomainError.notFound('minutes entry', 'entryId');
      assertWritable(r);
      await checkVersion(entry.version, expectedVersion, () => entry);
      const before = { ...entry };
      applyInput(entry, input);
      const changes = AuditService.diff(before, { ...entry }, AUDITED, FREE_TEXT);
      if (Object.keys(changes).length) {
        await m.save(entry);
        await this.audit.record(m, actor, 'update', 'minutes_entry', entry.id, changes);
      }
      return entry;
    });
  }

  /**
   * "Maßnahme vereinbaren": the measure is recorded through MeasuresService.create (the one path,
   * with all its checks) and linked to the meeting and to the entry's agenda item (none for a free
   * entry). Only while the minutes are being written. An entry's agenda item never changes, so it
   * is read before the transaction; the guard checks the entry and the meeting again under the lock.
   */
  async agreeMeasure(actor: Actor, rapportId: string, entryId: string, input: Omit<MeasureInput, 'rapportId' | 'agendaItemId'>): Promise<MeasureView> {
    const entry = await this.db.getRepository(MinutesEntry).findOneBy({ id: entryId, rapportId });
    if (!entry) throw DomainError.notFound('minutes entry', 'entryId');
    return this.measures.create(actor, { ...input, rapportId, agendaItemId: entry.agendaItemId }, new Date(), async (m) => {
      const r = await lockRapport(m, rapportId);
      if (!(await m.getRepository(MinutesEntry).existsBy({ id: entryId, rapportId }))) throw DomainError.notFound('minutes entry', 'entryId');
      assertWritable(r);
    });
  }

  /**
   * A correction of published minutes: every entry of the latest revision is copied into revision
   * + 1 (linked by previousId), with the corrections applied. The new revision is published at once;
   * the earlier ones stay readable by ?revision=N. All or nothing.
   */
  async correct(actor: Actor, rapportId: string, corrections: MinutesCorrection[]): Promise<MinutesView> {
    return this.db.transaction(async (m) => {
      const r = await lockRapport(m, rapportId);
      if (r.status !== 'minutes_published') {
        throw new DomainError(409, 'MINUTES_NOT_PUBLISHED', `The meeting is ${r.status}; a revision corrects published minutes. Until they are published, edit the entries.`, 'status', { rapportStatus: r.status });
      }
      const latest = await latestRevision(m, rapportId);
      const current = await m.getRepository(MinutesEntry).find({ where: { rapportId, revision: latest }, order: { position: 'ASC' } });
      const byId = new Map(current.map((e) => [e.id, e]));
      const seen = new Set<string>();
      corrections.forEach((c, i) => {
        if (!byId.has(c.entryId)) throw new DomainError(422, 'MINUTES_ENTRY_NOT_FOUND', `Entry ${c.entryId} is not part of the latest revision (${latest}) of these minutes.`, `corrections.${i}.entryId`);
        if (seen.has(c.entryId)) throw new DomainError(400, 'DUPLICATE_CORRECTION', 'Each entry is corrected at most once per revision.', `corrections.${i}.entryId`);
        seen.add(c.entryId);
      });
      const fix = new Map(corrections.map((c) => [c.entryId, c]));
      for (const old of current) {
        const copy = m.create(MinutesEntry, {
          rapportId, agendaItemId: old.agendaItemId, revision: latest + 1, position: old.position, heading: old.heading, notes: old.notes, decisions: old.decisions, previousId: old.id, createdBy: actor.id,
        });
        const c = fix.get(old.id);
        if (c) applyInput(copy, c);
        await m.save(copy);
        await this.audit.record(m, actor, 'create', 'minutes_entry', copy.id, { rapportId: { new: rapportId }, previousId: { new: old.id }, ...AuditService.diff({ ...old }, { ...copy }, AUDITED, FREE_TEXT) });
      }
      return loadMinutes(m, actor, rapportId, latest + 1);
    });
  }
}

/** 422 AGENDA_ITEM_NOT_FOUND unless the item is on this meeting's agenda; 409 when it already has an entry in revision 1. */
async function assertFreeAgendaItem(m: EntityManager, rapportId: string, agendaItemId: string): Promise<void> {
  if (!(await m.getRepository(AgendaItem).existsBy({ id: agendaItemId, rapportId }))) {
    throw new DomainError(422, 'AGENDA_ITEM_NOT_FOUND', 'This agenda item is not on the agenda of this meeting.', 'agendaItemId');
  }
  const taken = await m.getRepository(MinutesEntry).findOneBy({ rapportId, revision: 1, agendaItemId });
  if (taken) {
    throw new DomainError(409, 'AGENDA_ITEM_HAS_ENTRY', 'This agenda item already has an entry in the minutes; edit that one.', 'agendaItemId', { entryId: taken.id });
  }
}

function applyInput(entry: MinutesEntry, input: MinutesEntryInput): void {
  if (input.heading !== undefined) entry.heading = input.heading?.trim() || null;
  if (input.notes !== undefined) entry.notes = input.notes.trim();
  if (input.decisions !== undefined) entry.decisions = input.decisions.trim();
}

function assertWritable(r: Rapport): void {
  if (r.status === 'held') return;
  if (r.status === 'minutes_published') {
    throw new DomainError(409, 'MINUTES_PUBLISHED', 'The minutes are published and read-only; correct them with a new revision (POST /rapports/{id}/minutes/revisions).', 'status', { rapportStatus: r.status });
  }
  throw new DomainError(409, 'MINUTES_NOT_OPEN', `The meeting is ${r.status}; minutes are written once it is held.`, 'status', { rapportStatus: r.status });
}

async function lockRapport(m: EntityManager, id: string): Promise<Rapport> {
  const r = await m.getRepository(Rapport).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!r) throw DomainError.notFound('rapport');
  return r;
}

async function latestRevision(m: EntityManager, rapportId: string): Promise<number> {
  const [{ latest }] = (await m.query(`SELECT coalesce(max(revision), 1) AS latest FROM rapport_minutes WHERE rapport_id = $1`, [rapportId])) as [{ latest: number }];
  return latest;
}

/**
 * Minutes are read like the meeting (rapportReadCondition); in addition leadership reads every
 * published minute (issue 8, roles), also of an extended rapport they were not invited to.
 */
async function assertReadsMinutes(m: EntityManager, viewer: Actor, id: string): Promise<void> {
  const qb = m.getRepository(Rapport).createQueryBuilder('r').select('r.id').where('r.id = :id', { id });
  const cond = rapportReadCondition('r', viewer, { invitations: true });
  if (cond) {
    if (hasRole(viewer, 'leadership')) qb.andWhere(`(${cond.sql} OR r.status = 'minutes_published')`, cond.params);
    else qb.andWhere(cond.sql, cond.params);
  }
  if (!(await qb.getExists())) throw DomainError.notFound('rapport');
}

/** The minutes as `viewer` reads them: the situation under a district item is counted for them. */
async function loadMinutes(m: EntityManager, viewer: Actor, rapportId: string, revision?: number): Promise<MinutesView> {
  const rapport = await m.getRepository(Rapport).findOneByOrFail({ id: rapportId });
  const latest = await latestRevision(m, rapportId);
  const rev = revision ?? latest;
  if (rev > latest) throw new DomainError(404, 'REVISION_NOT_FOUND', `These minutes have revisions 1 to ${latest}.`, 'revision', { latestRevision: latest });
  const entries = await m.getRepository(MinutesEntry).find({ where: { rapportId, revision: rev }, order: { position: 'ASC' } });
  const itemIds = [...new Set(entries.map((e) => e.agendaItemId).filter((x): x is string => !!x))];
  const items = itemIds.length ? await m.getRepository(AgendaItem).createQueryBuilder('a').where('a.id IN (:...itemIds)', { itemIds }).getMany() : [];
  const itemById = new Map(items.map((a) => [a.id, a]));
  const situations = new Map<string, DistrictSituation>();
  for (const a of items) {
    const situation = await districtSituation(m, viewer, a);
    if (situation) situations.set(a.id, situation);
  }
  const attendance = await m.getRepository(RapportInvitation).createQueryBuilder('i').leftJoinAndSelect('i.person', 'person').leftJoinAndSelect('person.agency', 'personAgency')
    .where('i.rapport_id = :rapportId', { rapportId }).orderBy('person.display_name', 'ASC').addOrderBy('i.id', 'ASC').getMany();
  // Measures are readable by everyone signed in (measures.controller), so the minutes show all agreed here.
  const measures = await m.getRepository(Measure).createQueryBuilder('ms').leftJoinAndSelect('ms.owningAgency', 'agency').leftJoinAndSelect('ms.responsible', 'responsible')
    .where('ms.rapport_id = :rapportId', { rapportId }).orderBy('ms.created_at', 'ASC').addOrderBy('ms.id', 'ASC').getMany();
  const views = entries.map((entry): MinutesEntryView => {
    const item = entry.agendaItemId ? itemById.get(entry.agendaItemId) : undefined;
    const situation = item ? situations.get(item.id) : undefined;
    return {
      entry,
      agendaItem: item ? { id: item.id, title: item.title, position: item.position } : null,
      measures: item ? measures.filter((ms) => ms.agendaItemId === item.id) : [],
      situation: situation ? { period: situation.period, categories: situation.categories } : null,
    };
  });
  return { rapport, revision: rev, latestRevision: latest, published: rapport.status === 'minutes_published', attendance, entries: views, measures };
}
