import type { EntityManager } from 'typeorm';
import { DomainError } from './domain-error.js';
import { preparedQuery } from './prepared-query.js';

/**
 * THE check for ids that arrive in input and refer to master data (owning agency, visibleAgencyIds,
 * place, districts, substances, responsible person, deputy, ...): each must exist and be active.
 * One answer everywhere: 422 with the field and the ids, code `<KIND>_NOT_FOUND` when any is
 * unknown, else `<KIND>_INACTIVE`, and both lists (`unknown`, `inactive`) in the body.
 *
 * Ids the record already holds (`kept`) need only exist: a place deactivated after a measure named
 * it must not block an unrelated edit of that measure, but nobody can add it anew.
 */
export type ReferenceKind = 'agency' | 'district' | 'place' | 'substance' | 'person';

// Table and key per kind; interpolated into SQL only from this constant.
const SOURCES: Record<ReferenceKind, { table: string; key: string; cast: string; one: string; many: string }> = {
  agency: { table: 'agencies', key: 'id', cast: 'uuid[]', one: 'agency', many: 'agencies' },
  district: { table: 'districts', key: 'id', cast: 'uuid[]', one: 'district', many: 'districts' },
  place: { table: 'places', key: 'id', cast: 'uuid[]', one: 'place', many: 'places' },
  substance: { table: 'substances', key: 'code', cast: 'text[]', one: 'substance', many: 'substances' },
  person: { table: 'people', key: 'id', cast: 'uuid[]', one: 'person', many: 'people' },
};

/** Returns the ids without duplicates, in their first order. */
export async function assertActiveReferences(m: EntityManager, kind: ReferenceKind, ids: readonly string[], field: string, opts: { kept?: readonly string[] } = {}): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  await readActiveReferences(m, kind, unique, field, '', opts);
  return unique;
}

/**
 * The same check for one id, answering with the row's `columns` (SQL select items of the kind's
 * table, from code only): for a caller that needs the referenced row anyway, one statement instead
 * of the check and a read.
 */
export async function readActiveReference<R extends Record<string, unknown>>(m: EntityManager, kind: ReferenceKind, id: string, field: string, columns: string): Promise<R> {
  return (await readActiveReferences<R>(m, kind, [id], field, columns, {}))[0]!;
}

async function readActiveReferences<R>(m: EntityManager, kind: ReferenceKind, unique: string[], field: string, columns: string, opts: { kept?: readonly string[] }): Promise<Array<R & { key: string; active: boolean }>> {
  const s = SOURCES[kind];
  const rows = await preparedQuery<R & { key: string; active: boolean }>(m, `SELECT ${s.key}::text AS key, active${columns ? `, ${columns}` : ''} FROM ${s.table} WHERE ${s.key} = ANY($1::${s.cast})`, [unique]);
  const active = new Map(rows.map((r) => [r.key, r.active]));
  const kept = new Set(opts.kept ?? []);
  const unknown = unique.filter((id) => !active.has(id));
  const inactive = unique.filter((id) => active.get(id) === false && !kept.has(id));
  if (unknown.length) {
    const what = unknown.length === 1 ? `The ${s.one} ${unknown[0]} does not exist.` : `These ${s.many} do not exist: ${unknown.join(', ')}.`;
    throw new DomainError(422, `${kind.toUpperCase()}_NOT_FOUND`, what, field, { unknown, inactive });
  }
  if (inactive.length) {
    const what = inactive.length === 1 ? `The ${s.one} ${inactive[0]} is deactivated; choose another.` : `These ${s.many} are deactivated; choose others: ${inactive.join(', ')}.`;
    throw new DomainError(422, `${kind.toUpperCase()}_INACTIVE`, what, field, { unknown, inactive });
  }
  return rows;
}
