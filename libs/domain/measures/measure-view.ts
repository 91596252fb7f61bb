import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../common/prepared-query.js';
import type { KeyFigure } from '../key-figures/key-figure.entity.js';
import type { MeasurePriority, MeasureStatus } from './measure-status.js';
import type { Milestone } from './milestone.entity.js';

/** A measure's own columns (the Measure entity without its relations), as plain data. */
export interface MeasureRecord {
  id: string;
  title: string;
  /** Free text: never logged, never copied into the audit trail. */
  description: string;
  owningAgencyId: string;
  responsibleId: string;
  deputyId: string | null;
  /** Berlin dates YYYY-MM-DD. */
  startDate: string;
  deadline: string;
  priority: MeasurePriority;
  status: MeasureStatus;
  statusReason: string | null;
  completionNote: string | null;
  statusChangedAt: Date;
  completedAt: Date | null;
  placeIds: string[];
  districtIds: string[];
  rapportId: string | null;
  agendaItemId: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface NamedRef {
  id: string;
  name: string;
}

export type MilestoneView = Pick<Milestone, 'id' | 'title' | 'dueDate' | 'done' | 'doneAt' | 'version'>;
export type KeyFigureDefinitionView = Pick<KeyFigure, 'id' | 'name' | 'categories' | 'placeIds' | 'districtIds' | 'centerLat' | 'centerLon' | 'radiusM'
  | 'bufferFactor' | 'controlDistrictId' | 'period' | 'measure' | 'baselinePeriods' | 'targetKind' | 'targetValue' | 'targetDate' | 'version'>;

/**
 * A measure with what every answer shows about it: the names of its agency, people, places and
 * districts, its milestones and key-figure definitions. Read by one narrow statement
 * (measureViewSql) and built from its row without TypeORM entities (issue 11).
 */
export interface MeasureView {
  measure: MeasureRecord;
  owningAgency: { id: string; code: string; name: string };
  responsible: { id: string; displayName: string };
  deputy: { id: string; displayName: string } | null;
  milestones: MilestoneView[];
  keyFigures: KeyFigureDefinitionView[];
  places: NamedRef[];
  districts: NamedRef[];
  today: string;
}

/** The row of MEASURE_COLUMNS, as node-postgres returns it. */
export interface MeasureRow {
  id: string;
  title: string;
  description: string;
  owning_agency_id: string;
  responsible_id: string;
  deputy_id: string | null;
  start_date: string;
  deadline: string;
  priority: MeasurePriority;
  status: MeasureStatus;
  status_reason: string | null;
  completion_note: string | null;
  status_changed_at: Date;
  completed_at: Date | null;
  place_ids: string[];
  district_ids: string[];
  rapport_id: string | null;
  agenda_item_id: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

interface MeasureViewRow extends MeasureRow {
  agency_code: string | null;
  agency_name: string | null;
  responsible_name: string | null;
  deputy_name: string | null;
  places: NamedRef[];
  districts: NamedRef[];
  milestones: Array<Omit<MilestoneView, 'doneAt'> & { doneAt: string | null }>;
  key_figures: KeyFigureDefinitionView[];
}

/** A measure's columns under the alias `m`; dates as the Berlin date strings the entity holds. */
export const MEASURE_COLUMNS = `m.id, m.title, m.description, m.owning_agency_id, m.responsible_id, m.deputy_id,
  to_char(m.start_date, 'YYYY-MM-DD') AS start_date, to_char(m.deadline, 'YYYY-MM-DD') AS deadline, m.priority, m.status,
  m.status_reason, m.completion_note, m.status_changed_at, m.completed_at, m.place_ids, m.district_ids, m.rapport_id,
  m.agenda_item_id, m.created_by, m.created_at, m.updated_at, m.version`;

/**
 * SELECT of the view over `source` (the measures table, or a CTE with its columns such as an
 * UPDATE ... RETURNING *) under the alias `m`; the caller appends WHERE. Milestones and key
 * figures come as JSON in the order the answers list them; instants inside JSON are written as
 * JavaScript's toISOString writes them (milliseconds, truncated like node-postgres does).
 */
export function measureViewSql(source: string): string {
  return `SELECT ${MEASURE_COLUMNS},
  agency.code AS agency_code, agency.name AS agency_name, responsible.display_name AS responsible_name, deputy.display_name AS deputy_name,
  coalesce((SELECT json_agg(json_build_object('id', r.id, 'name', coalesce(p.name, '')) ORDER BY r.ord)
    FROM unnest(m.place_ids) WITH ORDINALITY AS r(id, ord) LEFT JOIN places p ON p.id = r.id), '[]') AS places,
  coalesce((SELECT json_agg(json_build_object('id', r.id, 'name', coalesce(d.name, '')) ORDER BY r.ord)
    FROM unnest(m.district_ids) WITH ORDINALITY AS r(id, ord) LEFT JOIN districts d ON d.id = r.id), '[]') AS districts,
  coalesce((SELECT json_agg(json_build_object('id', ms.id, 'title', ms.title, 'dueDate', to_char(ms.due_date, 'YYYY-MM-DD'), 'done', ms.done,
      'doneAt', to_char(ms.done_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'version', ms.version) ORDER BY ms.due_date, ms.created_at)
    FROM milestones ms WHERE ms.measure_id = m.id), '[]') AS milestones,
  coalesce((SELECT json_agg(json_build_object('id', k.id, 'name', k.name, 'categories', k.categories, 'placeIds', k.place_ids, 'districtIds', k.district_ids,
      'centerLat', k.center_lat, 'centerLon', k.center_lon, 'radiusM', k.radius_m, 'bufferFactor', k.buffer_factor, 'controlDistrictId', k.control_district_id,
      'period', k.period, 'measure', k.measure, 'baselinePeriods', k.baseline_periods, 'targetKind', k.target_kind, 'targetValue', k.target_value,
      'targetDate', to_char(k.target_date, 'YYYY-MM-DD'), 'version', k.version) ORDER BY k.created_at)
    FROM key_figures k WHERE k.measure_id = m.id), '[]') AS key_figures
FROM ${source} m
LEFT JOIN agencies agency ON agency.id = m.owning_agency_id
LEFT JOIN people responsible ON responsible.id = m.responsible_id
LEFT JOIN people deputy ON deputy.id = m.deputy_id`;
}

export function toMeasureRecord(r: MeasureRow): MeasureRecord {
  return {
    id: r.id, title: r.title, description: r.description, owningAgencyId: r.owning_agency_id, responsibleId: r.responsible_id, deputyId: r.deputy_id,
    startDate: r.start_date, deadline: r.deadline, priority: r.priority, status: r.status, statusReason: r.status_reason, completionNote: r.completion_note,
    statusChangedAt: r.status_changed_at, completedAt: r.completed_at, placeIds: r.place_ids, districtIds: r.district_ids, rapportId: r.rapport_id,
    agendaItemId: r.agenda_item_id, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at, version: r.version,
  };
}

export function toMeasureView(r: MeasureViewRow, today: string): MeasureView {
  return {
    measure: toMeasureRecord(r),
    owningAgency: { id: r.owning_agency_id, code: r.agency_code ?? '', name: r.agency_name ?? '' },
    responsible: { id: r.responsible_id, displayName: r.responsible_name ?? '' },
    deputy: r.deputy_id ? { id: r.deputy_id, displayName: r.deputy_name ?? '' } : null,
    milestones: r.milestones.map((ms) => ({ ...ms, doneAt: ms.doneAt ? new Date(ms.doneAt) : null })),
    keyFigures: r.key_figures,
    places: r.places,
    districts: r.districts,
    today,
  };
}

/** The views of these measures in the order of `ids` (unknown ids are left out): one prepared statement. */
export async function loadMeasureViews(on: DataSource | EntityManager, ids: string[], today: string): Promise<MeasureView[]> {
  if (!ids.length) return [];
  const rows = await preparedQuery<MeasureViewRow>(on, `${measureViewSql('measures')} WHERE m.id = ANY($1::uuid[])`, [ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.filter((id) => byId.has(id)).map((id) => toMeasureView(byId.get(id)!, today));
}

/**
 * Writes a measure's state (every column a change may set), bumps its version and answers its
 * view from the same statement (UPDATE ... RETURNING under the caller's row lock). Setting a
 * column to its old value changes nothing: the key-figure copies follow only real changes
 * (measures_sync_key_figures' WHEN).
 */
export async function writeMeasure(m: EntityManager, s: MeasureRecord, today: string): Promise<MeasureView> {
  const [row] = await preparedQuery<MeasureViewRow>(m, `WITH updated AS (
  UPDATE measures SET title = $2, description = $3, owning_agency_id = $4, responsible_id = $5, deputy_id = $6, start_date = $7, deadline = $8,
    priority = $9, status = $10, status_reason = $11, completion_note = $12, status_changed_at = $13, completed_at = $14, place_ids = $15,
    district_ids = $16, rapport_id = $17, agenda_item_id = $18, version = version + 1, updated_at = CURRENT_TIMESTAMP
  WHERE id = $1 RETURNING *)
${measureViewSql('updated')}`, [
    s.id, s.title, s.description, s.owningAgencyId, s.responsibleId, s.deputyId, s.startDate, s.deadline, s.priority, s.status, s.statusReason,
    s.completionNote, s.statusChangedAt, s.completedAt, s.placeIds, s.districtIds, s.rapportId, s.agendaItemId,
  ]);
  return toMeasureView(row!, today);
}
