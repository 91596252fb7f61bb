import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from './actor.js';
import type { DomainError } from './domain-error.js';

/**
 * Deactivate or reactivate a record (master data is never deleted: history refers to it): lock the
 * row, flip the flag and write the audit entry in the caller's transaction. No change, no entry.
 */
export async function setActiveAudited<T extends { active: boolean }>(
  m: EntityManager,
  audit: AuditService,
  actor: Actor,
  target: EntityTarget<T>,
  ref: { entityType: string; id: string; where: FindOptionsWhere<T>; notFound: () => DomainError },
  active: boolean,
): Promise<T> {
  const row = await m.findOne(target, { where: ref.where, lock: { mode: 'pessimistic_write' } });
  if (!row) throw ref.notFound();
  if (row.active === active) return row;
  await m.update(target, ref.where, { active } as never);
  await audit.record(m, actor, active ? 'reactivate' : 'deactivate', ref.entityType, ref.id, { active: { old: !active, new: active } });
  // Re-read: the update bumped version and updated_at.
  return m.findOneByOrFail(target, ref.where);
}
