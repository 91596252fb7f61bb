import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/actor.js';

/**
 * THE visibility rule for developments, and the only place it is written down. Every read path
 * (single read, lists, counts, trends, summaries, exports, and the checks before a change) narrows
 * its query with this function, so that a record a person may not see is absent everywhere and
 * its existence cannot be inferred. No role bypasses it: coordinators, leadership and admins see
 * what their agency sees (ARCHITECTURE.md, convention 6).
 *
 * - 'all': every participant;
 * - 'own_agency': the reporting agency only;
 * - 'agencies': the reporting agency and the agencies named in visible_agency_ids.
 */
export function applyVisibility<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, viewer: Pick<Actor, 'agencyId'>): SelectQueryBuilder<T> {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`applyVisibility: unsafe alias "${alias}"`);
  // A parameter name per alias, so that a query joining developments twice keeps both predicates apart.
  const p = `visAgency_${alias}`;
  return qb.andWhere(
    `(${alias}.visibility = 'all' OR ${alias}.reporting_agency_id = :${p} OR (${alias}.visibility = 'agencies' AND :${p} = ANY(${alias}.visible_agency_ids)))`,
    { [p]: viewer.agencyId },
  );
}
