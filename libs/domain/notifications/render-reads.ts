import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import type { MeasureStatus } from '../measures/measure-status.js';
import type { Role } from '../people/role.js';
import { loadRapportViews } from '../rapports/rapports.service.js';
import type { ReminderSubjectType } from './reminder-kinds.js';
import type { Reminder } from './reminder.entity.js';

/** The reader a reminder is rendered for: the recipient as they are now (null: inactive or gone). */
export interface Reader extends Actor {
  displayName: string;
  /** False for an agency webhook (no person). */
  person: boolean;
}

const NO_PERSON = '00000000-0000-0000-0000-000000000000';

/** A recipient as delivery needs them: who they are now, and the channels they chose (null: defaults). */
export interface RecipientRow {
  id: string;
  agency_id: string;
  roles: Role[];
  display_name: string;
  confirmed: boolean;
  active: boolean;
  channels: Record<string, string[]> | null;
}

export interface MeasureRow {
  id: string;
  title: string;
  status: MeasureStatus;
  deadline: string;
  owning_agency_id: string;
  agency_name: string;
  responsible_id: string;
  responsible_name: string;
  deputy_id: string | null;
}

export interface MilestoneRow { id: string; title: string; due_date: string; done: boolean; measure_id: string }

export type RapportView = Awaited<ReturnType<typeof loadRapportViews>>[number];

/**
 * The reads a batch of reminders needs, set-based: `prime(rows)` loads the batch's recipients (with
 * their channel settings), measures, milestones and meetings with one query per kind of record, not
 * one per reminder; the renderers then read from here. Anything not primed (a renderer called for a
 * single row) is loaded on first use, by the same queries. Scoped to one batch: what it holds is
 * as current as the batch's claim.
 */
export class RenderReads {
  private readonly people = new Map<string, RecipientRow | null>();
  private readonly measures = new Map<string, MeasureRow | null>();
  private readonly milestones = new Map<string, MilestoneRow | null>();
  private readonly rapports = new Map<string, RapportView | null>();

  constructor(readonly m: EntityManager) {}

  async prime(rows: readonly Reminder[]): Promise<void> {
    const ids = (type: ReminderSubjectType) => rows.filter((r) => r.subjectType === type && r.subjectId).map((r) => r.subjectId!);
    await Promise.all([
      this.loadPeople(rows.map((r) => r.recipientId).filter((id): id is string => !!id)),
      this.loadMilestones(ids('milestone')),
      this.loadRapports(ids('rapport')),
    ]);
    await this.loadMeasures([...ids('measure'), ...ids('milestone').map((id) => this.milestones.get(id)?.measure_id).filter((id): id is string => !!id)]);
  }

  /** The recipient (active or not); null when no such person exists. */
  async recipient(id: string): Promise<RecipientRow | null> {
    if (!this.people.has(id)) await this.loadPeople([id]);
    return this.people.get(id) ?? null;
  }

  async reader(r: Reminder): Promise<Reader | null> {
    if (r.recipientId) {
      const p = await this.recipient(r.recipientId);
      return p?.active ? { id: p.id, agencyId: p.agency_id, roles: p.roles, accessConfirmed: p.confirmed, displayName: p.display_name, person: true } : null;
    }
    if (!r.agencyId) return null;
    return { id: NO_PERSON, agencyId: r.agencyId, roles: ['liaison'], accessConfirmed: false, displayName: '', person: false };
  }

  async measure(id: string | null): Promise<MeasureRow | undefined> {
    if (!id) return undefined;
    if (!this.measures.has(id)) await this.loadMeasures([id]);
    return this.measures.get(id) ?? undefined;
  }

  async milestone(id: string | null): Promise<MilestoneRow | undefined> {
    if (!id) return undefined;
    if (!this.milestones.has(id)) await this.loadMilestones([id]);
    return this.milestones.get(id) ?? undefined;
  }

  async rapport(id: string): Promise<RapportView | undefined> {
    if (!this.rapports.has(id)) await this.loadRapports([id]);
    return this.rapports.get(id) ?? undefined;
  }

  private loadPeople(ids: string[]): Promise<void> {
    return this.load(this.people, ids, (want) => this.rows<RecipientRow>(
      `SELECT p.id, p.agency_id, p.roles, p.display_name, p.access_confirmed_at IS NOT NULL AS confirmed, p.active, s.channels
         FROM people p LEFT JOIN notification_settings s ON s.person_id = p.id WHERE p.id = ANY($1::uuid[])`,
      want,
    ));
  }

  private loadMeasures(ids: string[]): Promise<void> {
    return this.load(this.measures, ids, (want) => this.rows<MeasureRow>(
      `SELECT x.id, x.title, x.status, to_char(x.deadline, 'YYYY-MM-DD') AS deadline, x.owning_agency_id, a.name AS agency_name,
              x.responsible_id, rp.display_name AS responsible_name, x.deputy_id
         FROM measures x JOIN agencies a ON a.id = x.owning_agency_id JOIN people rp ON rp.id = x.responsible_id WHERE x.id = ANY($1::uuid[])`,
      want,
    ));
  }

  private loadMilestones(ids: string[]): Promise<void> {
    return this.load(this.milestones, ids, (want) => this.rows<MilestoneRow>(
      `SELECT id, title, to_char(due_date, 'YYYY-MM-DD') AS due_date, done, measure_id FROM milestones WHERE id = ANY($1::uuid[])`,
      want,
    ));
  }

  private loadRapports(ids: string[]): Promise<void> {
    return this.load(this.rapports, ids, async (want) => (await loadRapportViews(this.m, want)).map((v) => ({ ...v, id: v.rapport.id })));
  }

  private async rows<T>(sql: string, ids: string[]): Promise<T[]> {
    return (await this.m.query(sql, [ids])) as T[];
  }

  /**
   * Reads the ids not yet in the cache in one query; every id asked for gets an entry: found, or
   * null (gone), so that it is not asked for again.
   */
  private async load<T>(cache: Map<string, T | null>, ids: string[], read: (want: string[]) => Promise<Array<T & { id: string }>>): Promise<void> {
    const want = [...new Set(ids)].filter((id) => !cache.has(id));
    if (!want.length) return;
    const rows = await read(want);
    for (const id of want) cache.set(id, null);
    for (const row of rows) cache.set(row.id, row);
  }
}
