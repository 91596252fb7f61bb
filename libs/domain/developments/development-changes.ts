import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../common/prepared-query.js';
import { PUBLIC_SCOPE, visibilityScope, type VisibilityViewer } from './development-visibility.js';

/**
 * THE "developments changed" signal, per visibility scope: counters that statement triggers on
 * developments bump for every scope that saw a written row before or after the write (migrations
 * 1764100000000, 1764700000000, 1764800000000). A viewer's signal is the sum of the counter of
 * records everyone sees ('all') and, once their access is confirmed, their agency's. So a change
 * to a record hidden from the viewer neither moves their signal nor tells them anything by timing
 * or staleness (issue 7 §1). The bumps take the counter rows' locks, so the values are ordered by
 * commit: a reader that sees N sees every development written by the transactions that counted up
 * to N, and a transaction that commits later always moves it past N (max(updated_at) does not have
 * that property: an earlier transaction can commit later with an older timestamp, and a delete
 * does not move it at all).
 *
 * Everything derived from developments keys on it: the trends cache (development-trends.service)
 * and the key-figure evaluations the dashboard keeps (key-figures.service, measure-dashboard.service).
 * Read it before counting, or in the same snapshot as the counts; a result stored with N is
 * current while the counter is still N.
 */
export interface DevelopmentChange {
  /** The counter as text (a bigint; compared in SQL and used in cache keys). */
  n: string;
  /** When a development the viewer may see last changed (the committing transaction's start); null before the first. */
  at: Date | null;
}

/** The counter rows that make up a viewer's signal. */
export function changeScopes(viewer: VisibilityViewer): string[] {
  const scope = visibilityScope(viewer);
  return scope === PUBLIC_SCOPE ? [PUBLIC_SCOPE] : [PUBLIC_SCOPE, scope];
}

/**
 * The signal as one row (n: the counter as text, at) for the counter rows in `scopes`, the SQL
 * placeholder of a text[] (changeScopes()): for statements that read it in the same snapshot as
 * their counts (the dashboard's key figures).
 */
export function developmentChangeSql(scopes: string): string {
  return `SELECT coalesce(sum(n), 0)::text AS n, max(changed_at) AS at FROM development_scope_changes WHERE scope = ANY(${scopes}::text[])`;
}

/** Read on every dashboard, trends and agenda request: a prepared statement (issue 11). */
export async function readDevelopmentChange(m: EntityManager, viewer: VisibilityViewer): Promise<DevelopmentChange> {
  const rows = await preparedQuery<{ n: string; at: Date | null }>(m, developmentChangeSql('$1'), [changeScopes(viewer)]);
  const row = rows[0]!;
  return { n: row.n, at: row.at ? new Date(row.at) : null };
}
