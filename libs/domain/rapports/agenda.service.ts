import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { berlinDateOf, berlinToday } from '../common/berlin-time.js';
import { DomainError } from '../common/domain-error.js';
import { checkVersion } from '../common/version-check.js';
import { DEVELOPMENT_CATEGORIES, type DevelopmentCategory } from '../developments/development-enums.js';
import { readDevelopmentChange } from '../developments/development-changes.js';
import { visibilityCondition, visibilityScope } from '../developments/development-visibility.js';
import { escalationReadCondition } from '../escalations/escalation-access.js';
import type { EscalationReason, EscalationStatus } from '../escalations/escalation-enums.js';
import type { KeyFigureStatus } from '../key-figures/key-figure-rules.js';
import { KeyFiguresService } from '../key-figures/key-figures.service.js';
import type { MeasureStatus } from '../measures/measure-status.js';
import { AgendaItem, type AgendaItemKind } from './agenda-item.entity.js';
import { assertReadsRapport } from './rapport-access.js';
import { isUpcoming } from './rapport-status.js';
import { Rapport } from './rapport.entity.js';

/** Without a held rapport before it (the first of a series, an extended rapport) the agenda looks back this far. */
export const AGENDA_LOOKBACK_DAYS = 60;
const DAY_MS = 24 * 3600 * 1000;

export interface AgendaCategoryCount {
  category: DevelopmentCategory;
  count: number;
  /** In the period of equal length right before. */
  previous: number;
  change: number;
}

/** A key figure of a listed measure that is off track or flagged by the displacement watch, as the reader's counts say. */
export interface AgendaKeyFigureFlag {
  measureId: string;
  keyFigureId: string;
  name: string;
  status: KeyFigureStatus;
  displacementSuspected: boolean;
}

/** One item as one reader sees it: every count and list narrowed to what that reader may see. */
export interface AgendaItemView {
  id: string;
  /** The item's own version (If-Match when retitling it). */
  version: number;
  position: number;
  title: string;
  kind: AgendaItemKind;
  district: { id: string; name: string } | null;
  period: { since: Date; until: Date; previousSince: Date } | null;
  categories: AgendaCategoryCount[];
  developmentIds: string[];
  measures: Array<{ id: string; title: string; deadline: string; status: MeasureStatus }>;
  escalations: Array<{ id: string; reason: EscalationReason; status: EscalationStatus }>;
  /** key_figures item: the flags behind its measures, counted from what the reader may see. */
  keyFigures: AgendaKeyFigureFlag[];
}

export interface AgendaView {
  rapportId: string;
  /**
   * The version of the agenda as a whole (rapports.agenda_version): rises with every change to it
   * (generated, item added, retitled, removed, reordered). A reorder names every item, so it must
   * be based on the agenda it was made from: it sends this version (If-Match or body).
   */
  version: number;
  items: AgendaItemView[];
}

/**
 * The start of the last held rapport of the meeting's series before it (minutes published counts
 * as held); null for an extended rapport or the first of a series. "Since the last rapport".
 */
export async function lastHeldStart(m: EntityManager, r: Pick<Rapport, 'seriesId' | 'startsAt'>): Promise<Date | null> {
  if (!r.seriesId) return null;
  const [row] = await m.query(
    `SELECT max(starts_at) AS at FROM rapports WHERE series_id = $1 AND status IN ('held', 'minutes_published') AND starts_at < $2`,
    [r.seriesId, r.startsAt],
  ) as Array<{ at: Date | null }>;
  return row?.at ?? null;
}

/**
 * The proposed agenda, generated when a meeting is convened, inside the convening transaction:
 * one item per district with developments since the last held rapport of the series (or the last
 * AGENDA_LOOKBACK_DAYS days), one for measures due before the next meeting of the series or
 * overdue, one for open escalations, one for the key figures (every open measure with a key figure:
 * whether a figure is off track or flagged by the displacement watch depends on the developments
 * the reader may see, so the item keeps the candidates and each reader sees those flagged for
 * them). Built from everything (the agenda is shared); what each reader sees of an item is decided
 * when it is read (readAgenda). Stores ids only.
 */
export async function generateAgenda(m: EntityManager, audit: AuditService, actor: Actor, r: Rapport, now: Date): Promise<void> {
  const since = (await lastHeldStart(m, r)) ?? new Date(now.getTime() - AGENDA_LOOKBACK_DAYS * DAY_MS);
  const items: Array<Pick<AgendaItem, 'title' | 'kind' | 'source'>> = [];
  const districts = await m.query(
    `SELECT d.district_id AS "districtId", di.name, array_agg(d.id ORDER BY d.observed_at, d.id) AS ids
       FROM developments d JOIN districts di ON di.id = d.district_id
      WHERE d.observed_at >= $1 AND d.observed_at < $2 AND d.withdrawn_at IS NULL
      GROUP BY d.district_id, di.name ORDER BY di.name, d.district_id`,
    [since, now],
  ) as Array<{ districtId: string; name: string; ids: string[] }>;
  for (const d of districts) {
    items.push({ title: `Lage im Bezirk ${d.name}`.slice(0, 300), kind: 'district', source: { districtId: d.districtId, since: since.toISOString(), until: now.toISOString(), developmentIds: d.ids } });
  }
  // Due before the next meeting of the series; without one (yet), within the usual two months.
  const [next] = r.seriesId
    ? await m.query(`SELECT min(starts_at) AS at FROM rapports WHERE series_id = $1 AND starts_at > $2 AND status IN ('planned', 'convened')`, [r.seriesId, r.startsAt]) as Array<{ at: Date | null }>
    : [];
  const dueBefore = berlinDateOf(next?.at ?? new Date(r.startsAt.getTime() + AGENDA_LOOKBACK_DAYS * DAY_MS));
  const measures = await m.query(
    `SELECT id FROM measures WHERE status NOT IN ('done', 'cancelled') AND deadline < $1 ORDER BY deadline, id`,
    [dueBefore],
  ) as Array<{ id: string }>;
  if (measures.length) items.push({ title: 'Maßnahmen fällig oder überfällig', kind: 'measures', source: { measureIds: measures.map((x) => x.id) } });
  const escalations = await m.query(
    `SELECT id FROM escalations WHERE status IN ('proposed', 'convened') AND rapport_id IS DISTINCT FROM $1 ORDER BY created_at, id`,
    [r.id],
  ) as Array<{ id: string }>;
  if (escalations.length) items.push({ title: 'Offene Eskalationen', kind: 'escalations', source: { escalationIds: escalations.map((x) => x.id) } });
  const watched = await m.query(
    `SELECT ms.id FROM measures ms WHERE ms.status NOT IN ('done', 'cancelled') AND EXISTS (SELECT 1 FROM key_figures k WHERE k.measure_id = ms.id) ORDER BY ms.deadline, ms.id`,
  ) as Array<{ id: string }>;
  if (watched.length) items.push({ title: 'Kennzahlen: Ziel verfehlt oder Verdrängung vermutet', kind: 'key_figures', source: { measureIds: watched.map((x) => x.id) } });
  if (!items.length) return;
  // Items a coordinator added while the meeting was planned stay first, as they were ordered.
  const [row] = await m.query(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM agenda_items WHERE rapport_id = $1`, [r.id]) as Array<{ next: number }>;
  const rows = await m.getRepository(AgendaItem).save(items.map((it, i) => m.create(AgendaItem, { ...it, rapportId: r.id, position: row!.next + i, createdBy: null })));
  await audit.recordMany(m, actor, 'create', 'agenda_item', rows.map((x) => ({ entityId: x.id, changes: { rapportId: { new: r.id }, kind: { new: x.kind }, position: { new: x.position } } })));
  await bumpAgendaVersion(m, r.id);
}

/**
 * The key figures of these measures that are off track or flagged by the displacement watch, for
 * this reader. Read from the evaluations of the reader's visibility scope (key_figure_evaluations,
 * the dashboard's cache: a scope sees exactly the same developments, so its results are the
 * reader's); missing or stale ones (definition, day or the scope's developments changed) are first
 * evaluated for the scope by KeyFiguresService.refreshEvaluations, the one evaluation path.
 */
async function keyFigureFlags(m: EntityManager, viewer: Actor, measureIds: string[], keyFigures: KeyFiguresService, now: Date): Promise<AgendaKeyFigureFlag[]> {
  const { n: change } = await readDevelopmentChange(m, viewer);
  const read = () => m.query(
    `SELECT k.id, k.measure_id AS "measureId", k.name, e.status, coalesce(e.displacement_suspected, false) AS "displacementSuspected",
            (e.key_figure_id IS NULL OR e.fingerprint <> (k.version::text || '|' || to_char(k.measure_start_date, 'YYYY-MM-DD'))
             OR e.evaluated_on < $3::date OR e.developments_change IS DISTINCT FROM $4::bigint) AS stale
       FROM key_figures k
       LEFT JOIN key_figure_evaluations e ON e.key_figure_id = k.id AND e.viewer_scope = $2
      WHERE k.measure_id = ANY($1::uuid[])
      ORDER BY k.created_at, k.id`,
    [measureIds, visibilityScope(viewer), berlinToday(now), change],
  ) as Promise<Array<{ id: string; measureId: string; name: string; status: KeyFigureStatus | null; displacementSuspected: boolean; stale: boolean }>>;
  let rows = await read();
  const stale = rows.filter((r) => r.stale).map((r) => r.id);
  if (stale.length) {
    await keyFigures.refreshEvaluations(viewer, stale, now, change);
    rows = await read();
  }
  return rows
    .filter((r) => r.status === 'off_track' || r.displacementSuspected)
    .map((r) => ({ measureId: r.measureId, keyFigureId: r.id, name: r.name, status: r.status!, displacementSuspected: r.displacementSuspected }));
}

/** Every change to a meeting's agenda raises its version (SQL only: the Rapport entity does not map it, so saving a meeting never writes it back). */
async function bumpAgendaVersion(m: EntityManager, rapportId: string): Promise<void> {
  await m.query(`UPDATE rapports SET agenda_version = agenda_version + 1 WHERE id = $1`, [rapportId]);
}

async function agendaVersion(m: EntityManager, rapportId: string): Promise<number> {
  const [row] = await m.query(`SELECT agenda_version AS v FROM rapports WHERE id = $1`, [rapportId]) as Array<{ v: number }>;
  return row?.v ?? 1;
}

/** The agenda's item titles in order, for a reader of the meeting (else 404): what a reminder lists. Titles are the same for every reader. */
export async function readAgendaTitles(m: EntityManager, viewer: Actor, rapportId: string): Promise<string[]> {
  await assertReadsRapport(m, viewer, rapportId);
  const items = await m.getRepository(AgendaItem).find({ where: { rapportId }, order: { position: 'ASC' } });
  return items.map((it) => it.title);
}

/** What a district item shows one reader: its district, its period, and the counts and ids of what that reader may see. */
export interface DistrictSituation {
  district: { id: string; name: string } | null;
  period: { since: Date; until: Date; previousSince: Date };
  categories: AgendaCategoryCount[];
  developmentIds: string[];
}

/**
 * A district item for one reader (also printed in the minutes under it): the item's own developments
 * that the reader may still see, counted per category against the period of equal length before,
 * counted through the same visibility predicate. Null for any other kind of item.
 */
export async function districtSituation(m: EntityManager, viewer: Actor, it: AgendaItem): Promise<DistrictSituation | null> {
  const s = it.source;
  if (it.kind !== 'district' || !s.districtId || !s.since || !s.until) return null;
  const since = new Date(s.since);
  const until = new Date(s.until);
  const previousSince = new Date(since.getTime() - (until.getTime() - since.getTime()));
  const [district] = await m.query(`SELECT id, name FROM districts WHERE id = $1`, [s.districtId]) as Array<{ id: string; name: string }>;
  const vis = visibilityCondition('d', viewer);
  const own = await m.createQueryBuilder().select('d.id', 'id').addSelect('d.category', 'category').from('developments', 'd')
    .where('d.id = ANY(:ids)', { ids: s.developmentIds ?? [] }).andWhere('d.withdrawn_at IS NULL').andWhere(vis.sql, vis.params)
    .orderBy('d.observed_at', 'ASC').addOrderBy('d.id', 'ASC').getRawMany<{ id: string; category: DevelopmentCategory }>();
  const before = await m.createQueryBuilder().select('d.category', 'category').addSelect('count(*)::int', 'n').from('developments', 'd')
    .where('d.district_id = :district AND d.observed_at >= :prevSince AND d.observed_at < :since', { district: s.districtId, prevSince: previousSince, since })
    .andWhere('d.withdrawn_at IS NULL').andWhere(vis.sql, vis.params).groupBy('d.category').getRawMany<{ category: DevelopmentCategory; n: number }>();
  const categories = DEVELOPMENT_CATEGORIES.map((category) => {
    const count = own.filter((x) => x.category === category).length;
    const previous = Number(before.find((x) => x.category === category)?.n ?? 0);
    return { category, count, previous, change: count - previous };
  }).filter((c) => c.count || c.previous);
  return { district: district ?? null, period: { since, until, previousSince }, categories, developmentIds: own.map((x) => x.id) };
}

/**
 * The agenda for one reader (same read rule as the meeting, else 404), every count through the
 * visibility predicate; key-figure flags are those of the reader's visibility scope (keyFigureFlags).
 */
export async function readAgenda(m: EntityManager, viewer: Actor, rapportId: string, keyFigures: KeyFiguresService, now: Date = new Date()): Promise<AgendaView> {
  await assertReadsRapport(m, viewer, rapportId);
  const items = await m.getRepository(AgendaItem).find({ where: { rapportId }, order: { position: 'ASC' } });
  const views: AgendaItemView[] = [];
  for (const it of items) {
    const view: AgendaItemView = {
      id: it.id, version: it.version, position: it.position, title: it.title, kind: it.kind, district: null, period: null, categories: [], developmentIds: [], measures: [], escalations: [], keyFigures: [],
    };
    const s = it.source;
    if (it.kind === 'district') {
      const situation = await districtSituation(m, viewer, it);
      if (situation) Object.assign(view, situation);
    }
    if (it.kind === 'measures' && s.measureIds?.length) {
      // Every signed-in person reads measures (measure-access.ts): the shared agreement.
      view.measures = await m.query(
        `SELECT id, title, to_char(deadline, 'YYYY-MM-DD') AS deadline, status FROM measures WHERE id = ANY($1::uuid[]) ORDER BY deadline, id`,
        [s.measureIds],
      );
    }
    if (it.kind === 'escalations' && s.escalationIds?.length) {
      const cond = escalationReadCondition(viewer);
      if (cond) {
        view.escalations = await m.createQueryBuilder().select('e.id', 'id').addSelect('e.reason', 'reason').addSelect('e.status', 'status').from('escalations', 'e')
          .where('e.id = ANY(:escIds)', { escIds: s.escalationIds }).andWhere(cond.sql, cond.params)
          .orderBy('e.created_at', 'ASC').addOrderBy('e.id', 'ASC').getRawMany();
      }
    }
    if (it.kind === 'key_figures' && s.measureIds?.length) {
      view.keyFigures = await keyFigureFlags(m, viewer, s.measureIds, keyFigures, now);
      const flagged = [...new Set(view.keyFigures.map((f) => f.measureId))];
      if (flagged.length) {
        view.measures = await m.query(
          `SELECT id, title, to_char(deadline, 'YYYY-MM-DD') AS deadline, status FROM measures WHERE id = ANY($1::uuid[]) ORDER BY deadline, id`,
          [flagged],
        );
      }
    }
    views.push(view);
  }
  return { rapportId, version: await agendaVersion(m, rapportId), items: views };
}

/** Coordinators edit the agenda while the meeting lies ahead (planned or convened); afterwards it is the record. */
@Injectable()
export class AgendaService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly audit: AuditService, private readonly keyFigures: KeyFiguresService) {}

  read(viewer: Actor, rapportId: string): Promise<AgendaView> {
    return readAgenda(this.db.manager, viewer, rapportId, this.keyFigures);
  }

  add(actor: Actor, rapportId: string, title: string): Promise<AgendaView> {
    return this.db.transaction(async (m) => {
      await this.insertCustom(m, actor, rapportId, title);
      return readAgenda(m, actor, rapportId, this.keyFigures);
    });
  }

  /** The same as add, answering only the new item instead of reading the whole agenda back (the demo seed adds its topics so). */
  addItem(actor: Actor, rapportId: string, title: string): Promise<AgendaItem> {
    return this.db.transaction((m) => this.insertCustom(m, actor, rapportId, title));
  }

  private async insertCustom(m: EntityManager, actor: Actor, rapportId: string, title: string): Promise<AgendaItem> {
    await lockEditable(m, rapportId);
    const [row] = await m.query(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM agenda_items WHERE rapport_id = $1`, [rapportId]) as Array<{ next: number }>;
    const it = await m.save(m.create(AgendaItem, { rapportId, position: row!.next, title: title.trim(), kind: 'custom', source: {}, createdBy: actor.id }));
    await this.audit.record(m, actor, 'create', 'agenda_item', it.id, { rapportId: { new: rapportId }, kind: { new: 'custom' }, position: { new: it.position }, title: { changed: true } });
    await bumpAgendaVersion(m, rapportId);
    return it;
  }

  /** `expectedVersion`: the item's version the editor read (the route requires it); stale: 409 with the agenda as it is now. */
  retitle(actor: Actor, rapportId: string, itemId: string, title: string, expectedVersion: number | undefined): Promise<AgendaView> {
    return this.db.transaction(async (m) => {
      await lockEditable(m, rapportId);
      const it = await findItem(m, rapportId, itemId);
      await checkVersion(it.version, expectedVersion, () => readAgenda(m, actor, rapportId, this.keyFigures));
      if (it.title !== title.trim()) {
        it.title = title.trim();
        await m.save(it);
        await this.audit.record(m, actor, 'update', 'agenda_item', it.id, { title: { changed: true } });
        await bumpAgendaVersion(m, rapportId);
      }
      return readAgenda(m, actor, rapportId, this.keyFigures);
    });
  }

  remove(actor: Actor, rapportId: string, itemId: string): Promise<AgendaView> {
    return this.db.transaction(async (m) => {
      await lockEditable(m, rapportId);
      const it = await findItem(m, rapportId, itemId);
      const [linked] = await m.query(`SELECT id FROM measures WHERE agenda_item_id = $1 LIMIT 1`, [it.id]) as Array<{ id: string }>;
      if (linked) throw new DomainError(409, 'AGENDA_ITEM_HAS_MEASURES', 'A measure was agreed under this item; unlink it from the measure (PATCH /measures/{id}, agendaItemId null) before removing the item.', 'itemId', { measureId: linked.id });
      await m.delete(AgendaItem, { id: it.id });
      // Keep positions 0..n-1 (the unique constraint is deferred to the commit).
      await m.query(`UPDATE agenda_items SET position = position - 1, version = version + 1, updated_at = now() WHERE rapport_id = $1 AND position > $2`, [rapportId, it.position]);
      await this.audit.record(m, actor, 'delete', 'agenda_item', it.id, { rapportId: { old: rapportId }, kind: { old: it.kind }, position: { old: it.position } });
      await bumpAgendaVersion(m, rapportId);
      return readAgenda(m, actor, rapportId, this.keyFigures);
    });
  }

  /**
   * The full new order: exactly the meeting's items, each once (400 naming itemIds otherwise;
   * nothing stored). `expectedVersion` is the agenda's version (AgendaView.version) the order was
   * made from: an item added, removed, retitled or moved in the meantime makes it stale (409 with
   * the agenda as it is now), so a reorder never silently undoes someone else's change.
   */
  reorder(actor: Actor, rapportId: string, itemIds: string[], expectedVersion: number | undefined): Promise<AgendaView> {
    return this.db.transaction(async (m) => {
      await lockEditable(m, rapportId);
      await checkVersion(await agendaVersion(m, rapportId), expectedVersion, () => readAgenda(m, actor, rapportId, this.keyFigures));
      const items = await m.getRepository(AgendaItem).find({ where: { rapportId } });
      const known = new Set(items.map((x) => x.id));
      itemIds.forEach((id, i) => {
        if (!known.has(id)) throw new DomainError(400, 'AGENDA_ITEM_UNKNOWN', 'This id is not an item of this meeting\'s agenda.', `itemIds.${i}`);
        if (itemIds.indexOf(id) !== i) throw new DomainError(400, 'AGENDA_ITEM_REPEATED', 'Each item appears once in the new order.', `itemIds.${i}`);
      });
      if (itemIds.length !== items.length) {
        throw new DomainError(400, 'AGENDA_ORDER_INCOMPLETE', `The new order must list all ${items.length} items of the agenda, each once.`, 'itemIds');
      }
      const byId = new Map(items.map((x) => [x.id, x]));
      const moved = itemIds.map((id, position) => ({ it: byId.get(id)!, position })).filter((x) => x.it.position !== x.position);
      for (const { it, position } of moved) await m.update(AgendaItem, { id: it.id }, { position, version: it.version + 1 });
      if (moved.length) {
        await this.audit.recordMany(m, actor, 'update', 'agenda_item', moved.map(({ it, position }) => ({ entityId: it.id, changes: { position: { old: it.position, new: position } } })));
        await bumpAgendaVersion(m, rapportId);
      }
      return readAgenda(m, actor, rapportId, this.keyFigures);
    });
  }
}

async function lockEditable(m: EntityManager, rapportId: string): Promise<Rapport> {
  const r = await m.getRepository(Rapport).findOne({ where: { id: rapportId }, lock: { mode: 'pessimistic_write' } });
  if (!r) throw DomainError.notFound('rapport');
  if (!isUpcoming(r.status)) {
    throw new DomainError(409, 'RAPPORT_NOT_CHANGEABLE', `The meeting is ${r.status}; its agenda is edited only while it is planned or convened.`, 'status', { rapportStatus: r.status });
  }
  return r;
}

async function findItem(m: EntityManager, rapportId: string, itemId: string): Promise<AgendaItem> {
  const it = await m.getRepository(AgendaItem).findOne({ where: { id: itemId, rapportId } });
  if (!it) throw DomainError.notFound('agenda item', 'itemId');
  return it;
}
