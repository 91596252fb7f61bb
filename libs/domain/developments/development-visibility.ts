import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/actor.js';

/** What decides which developments a viewer sees: the agency, and whether its leadership confirmed the access. */
export type VisibilityViewer = Pick<Actor, 'agencyId' | 'accessConfirmed'>;

/** The scope key of a viewer who sees only records visible to all participants. */
export const PUBLIC_SCOPE = 'all';

/**
 * The set of developments a viewer may see is a function of this key and nothing else: the
 * viewer's agency once a leadership person of that agency confirmed the access, otherwise
 * PUBLIC_SCOPE. Every cache of counts over developments (trends, key-figure evaluations) keys on it,
 * so that an unconfirmed member never gets the agency's restricted counts from a cache.
 */
export function visibilityScope(viewer: VisibilityViewer): string {
  return viewer.accessConfirmed ? viewer.agencyId : PUBLIC_SCOPE;
}

/** The viewer a scope key stands for (the worker refreshes caches per scope, not per person). */
export function viewerOfScope(scope: string): VisibilityViewer {
  return scope === PUBLIC_SCOPE ? { agencyId: PUBLIC_SCOPE, accessConfirmed: false } : { agencyId: scope, accessConfirmed: true };
}

/** The columns the visibility rule reads, named alike on every relation it narrows (see visibilityCondition). */
export const VISIBILITY_COLUMNS = ['visibility', 'reporting_agency_id', 'visible_agency_ids'] as const;

/**
 * THE visibility rule for developments, and the only place it is written down. Every read path
 * (single read, lists, counts, trends, summaries, exports, key figures, the audit trail, and the
 * checks before a change) narrows its query with this predicate, so that a record a person may not
 * see is absent everywhere and its existence cannot be inferred. No role bypasses it: coordinators,
 * leadership and admins see what their agency sees (ARCHITECTURE.md, convention 6).
 *
 * - 'all': every participant;
 * - 'own_agency': the reporting agency only;
 * - 'agencies': the reporting agency and the agencies named in visible_agency_ids.
 *
 * A person whose access to their agency's restricted records is not (yet) confirmed by its
 * leadership (issue 7: a new member, or a new role) sees only 'all', like someone of no agency.
 * Returns the SQL condition and its parameters, for queries that need it as an expression.
 *
 * `alias` is any relation that carries the VISIBILITY_COLUMNS under these names: developments
 * itself, and the counts pre-aggregated per visibility class (development_day_counts, migration
 * 1765850000000), whose rows a viewer may add up exactly when they may see the developments behind
 * them. So a trend summed from the counts and one counted from the rows obey one rule, not two copies.
 */
export function visibilityCondition(alias: string, viewer: VisibilityViewer): { sql: string; params: Record<string, unknown> } {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`visibility: unsafe alias "${alias}"`);
  if (!viewer.accessConfirmed) return { sql: `(${alias}.visibility = 'all')`, params: {} };
  // A parameter name per alias, so that a query joining developments twice keeps both predicates apart.
  const p = `visAgency_${alias}`;
  return {
    sql: `(${alias}.visibility = 'all' OR ${alias}.reporting_agency_id = :${p} OR (${alias}.visibility = 'agencies' AND :${p} = ANY(${alias}.visible_agency_ids)))`,
    params: { [p]: viewer.agencyId },
  };
}

/**
 * THE scope derivation, the visibility rule above restated for counts pre-aggregated per scope
 * (development_bucket_counts, migration 1765850000000) and for the per-scope change counters that
 * end cached counts: the SQL function development_scopes(visibility, reporting agency, named
 * agencies) of migration 1764800000000, which both triggers call. The scopes a development adds to:
 *
 * - 'all': PUBLIC_SCOPE alone;
 * - 'own_agency' (and anything not 'all' or 'agencies', as visibilityCondition reads it): its
 *   reporting agency;
 * - 'agencies': its reporting agency and every agency in visible_agency_ids, each once.
 *
 * A viewer adds up the scopes of viewerScopes(): PUBLIC_SCOPE and, once confirmed, their agency
 * (visibilityScope). Then a development counts for a viewer exactly when visibilityCondition admits
 * it, and once: a restricted one never adds to PUBLIC_SCOPE (agency ids are uuids, never 'all'), a
 * public one never to an agency, and the agencies of a restricted one are de-duplicated.
 */
export function viewerScopes(viewer: VisibilityViewer): string[] {
  const scope = visibilityScope(viewer);
  return scope === PUBLIC_SCOPE ? [PUBLIC_SCOPE] : [PUBLIC_SCOPE, scope];
}

/** Narrows a query over developments (alias) to what the viewer may see. */
export function applyVisibility<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, viewer: VisibilityViewer): SelectQueryBuilder<T> {
  const c = visibilityCondition(alias, viewer);
  return qb.andWhere(c.sql, c.params);
}
