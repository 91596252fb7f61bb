import type { EntityManager } from 'typeorm';

/**
 * THE "developments changed" signal: a counter that a statement trigger on developments bumps on
 * every write (migrations 1764100000000 and 1764700000000). The bump takes the counter row's lock,
 * so the values are ordered by commit: a reader that sees N sees every development written by the
 * transactions that counted up to N, and a transaction that commits later always moves it past N.
 * (max(updated_at) does not have that property: a transaction that started earlier can commit
 * later with an older timestamp, and a delete does not move it at all.)
 *
 * Everything derived from developments keys on it: the trends cache (development-trends.service)
 * and the key-figure evaluations the dashboard keeps (key-figures.service, measure-dashboard.service).
 * Read it before counting, or in the same snapshot as the counts; a result stored with N is
 * current while the counter is still N.
 */
export interface DevelopmentChange {
  /** The counter as text (a bigint; compared in SQL and used in cache keys). */
  n: string;
  /** When a development last changed (the committing transaction's start); null before the first. */
  at: Date | null;
}

export async function readDevelopmentChange(m: EntityManager): Promise<DevelopmentChange> {
  const rows = (await m.query(`SELECT n::text AS n, changed_at AS at FROM development_changes WHERE id = 1`)) as Array<{ n: string; at: Date | null }>;
  const row = rows[0];
  if (!row) throw new Error('development_changes has no row: migrations 1764100000000 not applied');
  return { n: row.n, at: row.at ? new Date(row.at) : null };
}
