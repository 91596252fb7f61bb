import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../common/actor.js';
import { visibilityCondition, VisibilityViewer } from '../developments/development-visibility.js';
import { Development } from '../developments/development.entity.js';
import { Person } from '../people/person.entity.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
import { preparedQuery } from '../common/prepared-query.js';
import { currentRequestId } from '../common/request-context.js';
import { AuditAction, AuditChanges, AuditEntry } from './audit-entry.entity.js';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
}

/**
 * An entry as a viewer may read it. `restricted`: the entry is about a record the viewer may not
 * see (or its values were derived from such records), so only who, when, which action and which
 * kind of record are shown; entityId and changes are null.
 */
export interface AuditEntryView {
  id: string;
  at: Date;
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  changes: AuditChanges | null;
  requestId: string | null;
  restricted: boolean;
}

const UUID_RE = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * Writes the append-only audit trail. Callers pass the EntityManager of their transaction so that
 * the change and its audit entry commit together (or not at all).
 */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(
    manager: EntityManager,
    actor: Pick<Actor, 'id'> | null,
    action: AuditAction,
    entityType: string,
    entityId: string,
    changes: AuditChanges = {},
  ): Promise<void> {
    await this.recordMany(manager, actor, action, entityType, [{ entityId, changes }]);
  }

  /**
   * Several entries of one kind (e.g. the restricted records of a list page) in one prepared
   * INSERT over arrays, and no other statement: no reload, and no transaction of its own (a single
   * statement is atomic; issue 11 counts the round trips of a read). Entries keep the order given.
   */
  async recordMany(
    manager: EntityManager,
    actor: Pick<Actor, 'id'> | null,
    action: AuditAction,
    entityType: string,
    items: Array<{ entityId: string; changes?: AuditChanges }>,
  ): Promise<void> {
    if (!items.length) return;
    await preparedQuery(manager, `INSERT INTO audit_entries (actor_id, action, entity_type, entity_id, changes, request_id)
  SELECT $1::uuid, $2::text, $3::text, e.entity_id, e.changes, $6::text FROM unnest($4::text[], $5::jsonb[]) WITH ORDINALITY AS e(entity_id, changes, ord) ORDER BY e.ord`,
    [actor?.id ?? null, action, entityType, items.map((i) => i.entityId), items.map((i) => JSON.stringify(i.changes ?? {})), currentRequestId()]);
  }

  /**
   * Field-by-field diff of two snapshots. Free-text fields are only marked as changed: their
   * content must not be copied into the trail (ARCHITECTURE.md, invariants).
   */
  static diff(before: Record<string, unknown> | null, after: Record<string, unknown>, fields: string[], freeText: string[] = []): AuditChanges {
    const changes: AuditChanges = {};
    for (const f of fields) {
      const o = before ? normalise(before[f]) : undefined;
      const n = normalise(after[f]);
      if (before && JSON.stringify(o) === JSON.stringify(n)) continue;
      if (!before && (n === undefined || n === null)) continue;
      changes[f] = freeText.includes(f) ? { changed: true } : before ? { old: o ?? null, new: n ?? null } : { new: n };
    }
    return changes;
  }

  /**
   * The trail as this viewer may read it (issue 7): the same visibility as the records it is about.
   * An entry about a development the viewer may not see (its creation, changes, withdrawal, and
   * other people's reads of it), and an export whose row count was taken over records the viewer
   * may not see, keep who, when, action and entity type, but lose the record's id and all values.
   * Filtering by entityId never matches such an entry: otherwise the answer would tell whether a
   * hidden id exists.
   */
  async list(viewer: VisibilityViewer, filter: AuditFilter, page: PageRequest): Promise<Page<AuditEntryView>> {
    const qb = this.entries.createQueryBuilder('a');
    if (filter.entityType) qb.andWhere('a.entity_type = :et', { et: filter.entityType });
    if (filter.entityId) {
      const restricted = withSubject(qb, viewer);
      qb.andWhere('a.entity_id = :eid', { eid: filter.entityId }).andWhere(`NOT ${restricted}`);
    }
    if (filter.actorId) qb.andWhere('a.actor_id = :aid', { aid: filter.actorId });
    if (filter.action) qb.andWhere('a.action = :act', { act: filter.action });
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at < :to', { to: filter.to });
    const result = await paginate(qb, page, { at: { sql: 'a.at', type: 'timestamptz' } }, { sql: 'a.id', type: 'bigint' });
    const restrictedIds = await this.restrictedOf(viewer, result.items.map((e) => e.id));
    return {
      nextCursor: result.nextCursor,
      items: result.items.map((e) => {
        const restricted = restrictedIds.has(String(e.id));
        return {
          id: e.id, at: e.at, actorId: e.actorId, action: e.action, entityType: e.entityType,
          entityId: restricted ? null : e.entityId, changes: restricted ? null : e.changes, requestId: e.requestId, restricted,
        };
      }),
    };
  }

  /** Which of these entries the viewer may read only in part. */
  private async restrictedOf(viewer: VisibilityViewer, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const qb = this.entries.createQueryBuilder('a').select('a.id', 'id').where('a.id IN (:...ids)', { ids });
    const restricted = withSubject(qb, viewer);
    const rows = await qb.andWhere(restricted).getRawMany<{ id: string }>();
    return new Set(rows.map((r) => String(r.id)));
  }
}

/**
 * Joins what an entry (alias a) is about and returns the SQL condition "the viewer may not see it
 * in full". Developments are checked with the one visibility predicate (development-visibility.ts);
 * an export's row count depends on what the exporter could see, so it is shown only to confirmed
 * members of the exporter's agency. Entries about other kinds of records are open to every reader
 * of the trail (agencies, places, people, measures and key-figure definitions are visible to all).
 */
function withSubject(qb: SelectQueryBuilder<AuditEntry>, viewer: VisibilityViewer): string {
  // The CASE keeps the uuid cast away from entity ids of other kinds that are no uuids (substance codes).
  qb.leftJoin(Development, 'ad', `a.entity_type = 'development' AND ad.id = CASE WHEN a.entity_id ~ '${UUID_RE}' THEN CAST(a.entity_id AS uuid) END`)
    .leftJoin(Person, 'aactor', 'aactor.id = a.actor_id');
  const vis = visibilityCondition('ad', viewer);
  qb.setParameters({ ...vis.params, auditViewerAgency: viewer.agencyId, auditViewerConfirmed: viewer.accessConfirmed });
  return `(a.entity_type = 'development' AND CASE
      WHEN a.action = 'export' THEN NOT (CAST(:auditViewerConfirmed AS boolean) AND coalesce(CAST(aactor.agency_id AS text) = :auditViewerAgency, false))
      ELSE NOT coalesce(${vis.sql}, false) END)`;
}

function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return [...v].sort();
  return v;
}
