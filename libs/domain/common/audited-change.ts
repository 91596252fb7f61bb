import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuditChanges } from '../audit/audit-entry.entity.js';
import type { Actor } from './actor.js';
import type { DomainError } from './domain-error.js';
import { checkVersion } from './version-check.js';

/**
 * The one way master data (agencies, districts, places, substances, people) is changed: in the
 * caller's transaction, lock the row, check the version the caller read, apply the change, and
 * write an audit entry with the changed fields (old and new; free text only marked as changed).
 * No change, no write and no entry. Master data is never deleted: history refers to it.
 */
export interface AuditedRecord<T> {
  entityType: string;
  id: string;
  where: FindOptionsWhere<T>;
  notFound: () => DomainError;
}

export interface AuditedFields {
  fields: string[];
  /** Fields whose content never goes into the trail (free text, large geometry): only "changed". */
  changedOnly?: string[];
}

async function lockRow<T extends object>(m: EntityManager, target: EntityTarget<T>, ref: AuditedRecord<T>): Promise<T> {
  const row = await m.findOne(target, { where: ref.where, lock: { mode: 'pessimistic_write' } });
  if (!row) throw ref.notFound();
  return row;
}

export async function updateAudited<T extends { version: number }>(
  m: EntityManager,
  audit: AuditService,
  actor: Actor,
  target: EntityTarget<T>,
  ref: AuditedRecord<T>,
  expectedVersion: number | undefined,
  audited: AuditedFields,
  /** Changes the locked row; may return audit changes beyond the diff of `audited.fields`. */
  apply: (row: T) => Promise<AuditChanges | void> | AuditChanges | void,
  /** Maps a failed write (e.g. a unique violation) to the error the caller can act on. */
  onWriteError: (err: unknown, row: T) => unknown = (err) => err,
): Promise<{ row: T; changes: AuditChanges }> {
  const row = await lockRow(m, target, ref);
  await checkVersion(row.version, expectedVersion, () => row);
  const before = { ...row } as Record<string, unknown>;
  const extra = (await apply(row)) ?? {};
  const changes = { ...AuditService.diff(before, { ...row } as Record<string, unknown>, audited.fields, audited.changedOnly), ...extra };
  if (Object.keys(changes).length === 0) return { row, changes };
  try {
    await m.save(target, row);
  } catch (err) {
    throw onWriteError(err, row);
  }
  await audit.record(m, actor, 'update', ref.entityType, ref.id, changes);
  return { row, changes };
}

/**
 * Deactivate or reactivate. `check` may refuse the flip (it sees the locked row); `alsoSet` are
 * columns reset with it. What follows from it (ending sessions, ...) the caller does afterwards in
 * the same transaction.
 */
export async function setActiveAudited<T extends { active: boolean }>(
  m: EntityManager,
  audit: AuditService,
  actor: Actor,
  target: EntityTarget<T>,
  ref: AuditedRecord<T>,
  active: boolean,
  opts: { check?: (row: T) => Promise<void> | void; alsoSet?: Record<string, unknown> } = {},
): Promise<T> {
  const row = await lockRow(m, target, ref);
  if (row.active === active) return row;
  await opts.check?.(row);
  await m.update(target, ref.where, { ...opts.alsoSet, active } as never);
  await audit.record(m, actor, active ? 'reactivate' : 'deactivate', ref.entityType, ref.id, { active: { old: !active, new: active } });
  // Re-read: the update bumped version and updated_at.
  return m.findOneByOrFail(target, ref.where);
}
