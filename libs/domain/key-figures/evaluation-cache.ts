import type { EntityManager } from 'typeorm';
import type { Development } from '../developments/development.entity.js';

type Sight = Pick<Development, 'visibility' | 'reportingAgencyId' | 'visibleAgencyIds'>;

/**
 * The per-scope watermark (KeyFiguresService.developmentsWatermark) notices every change a scope
 * can see, but not a development that leaves its sight. So narrowing a development's visibility
 * drops the cached key-figure results of every scope that saw it before and does not now: their
 * next dashboard counts without it. Only scopes that could see the record are affected, so nobody
 * learns from this of a record hidden from them. Runs in the transaction of the change.
 */
export async function forgetEvaluationsOfLostScopes(m: EntityManager, before: Sight, after: Sight): Promise<void> {
  if (after.visibility === 'all') return;
  const keep = [after.reportingAgencyId, ...(after.visibility === 'agencies' ? after.visibleAgencyIds : [])];
  if (before.visibility === 'all') {
    // Everyone saw it, the scope of unconfirmed viewers ('all') included.
    await m.query(`DELETE FROM key_figure_evaluations WHERE NOT (viewer_scope = ANY($1::text[]))`, [keep]);
    return;
  }
  const lost = (before.visibility === 'agencies' ? before.visibleAgencyIds : []).filter((id) => !keep.includes(id));
  if (lost.length) await m.query(`DELETE FROM key_figure_evaluations WHERE viewer_scope = ANY($1::text[])`, [lost]);
}
