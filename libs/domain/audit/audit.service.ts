import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor } from '../common/actor.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
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

  /** Several entries of one kind (e.g. the restricted records of a list page) in one INSERT. */
  async recordMany(
    manager: EntityManager,
    actor: Pick<Actor, 'id'> | null,
    action: AuditAction,
    entityType: string,
    items: Array<{ entityId: string; changes?: AuditChanges }>,
  ): Promise<void> {
    if (!items.length) return;
    const requestId = currentRequestId();
    const entries = items.map((i) => manager.create(AuditEntry, { actorId: actor?.id ?? null, action, entityType, entityId: i.entityId, changes: i.changes ?? {}, requestId }));
    await manager.save(AuditEntry, entries, { reload: false, chunk: 500 });
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

  list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditEntry>> {
    const qb = this.entries.createQueryBuilder('a');
    if (filter.entityType) qb.andWhere('a.entity_type = :et', { et: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :eid', { eid: filter.entityId });
    if (filter.actorId) qb.andWhere('a.actor_id = :aid', { aid: filter.actorId });
    if (filter.action) qb.andWhere('a.action = :act', { act: filter.action });
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at < :to', { to: filter.to });
    return paginate(qb, page, { at: { sql: 'a.at', type: 'timestamptz' } }, { sql: 'a.id', type: 'bigint' });
  }
}

function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return [...v].sort();
  return v;
}
