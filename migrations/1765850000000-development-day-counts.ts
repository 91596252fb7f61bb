import { MigrationInterface, QueryRunner } from 'typeorm';

/** The key of a development `r` in the counts: its Berlin calendar day and its other dimensions. */
const KEY = `(r.observed_at AT TIME ZONE 'Europe/Berlin')::date AS day, r.category, r.district_id, r.place_id,
             r.nearest_sensitive_place_id IS NOT NULL AS near_sensitive, r.reporting_agency_id, r.visibility, r.visible_agency_ids`;
const COLUMNS = 'day, category, district_id, place_id, near_sensitive, reporting_agency_id, visibility, visible_agency_ids';

/**
 * Adds the rows `source` (SELECT ... sign, amount) to the counts: one upsert per key, in key order
 * (so that concurrent writers take the count rows' locks in the same order and cannot deadlock),
 * skipping keys whose changes cancel out (an update that moves nothing, e.g. of the description).
 * Rows that fall to zero are deleted: they hold the counts of keys no longer in use.
 */
function applyDelta(source: string): string {
  return `
    WITH changed AS (
      INSERT INTO development_day_counts AS c (${COLUMNS}, reports, total)
      SELECT ${COLUMNS}, sum(sign), sum(sign * amount)
        FROM (SELECT ${KEY}, r.sign, r.amount FROM (${source}) r) x
       GROUP BY ${COLUMNS}
      HAVING sum(sign) <> 0 OR sum(sign * amount) <> 0
       ORDER BY ${COLUMNS}
      ON CONFLICT (${COLUMNS}) DO UPDATE SET reports = c.reports + excluded.reports, total = c.total + excluded.total
      RETURNING c.id, c.reports)
    SELECT coalesce(array_agg(id), '{}') INTO emptied FROM changed WHERE reports = 0;
    DELETE FROM development_day_counts WHERE id = ANY(emptied);`;
}

// Scope right after grain: a viewer's read is a range of bucket dates in each of its (two) scopes.
export const BUCKET_COLUMNS = 'grain, scope, bucket, category, district_id';

/**
 * The rows of `source` (SELECT ... sign, amount) as rollup rows: each development once per grain
 * (the Berlin Monday of its week, the 1st of its month) and once per visibility scope it adds to
 * (THE scope derivation, development_scopes(), duplicates dropped), summed per key in key order.
 */
export function bucketRows(source: string): string {
  return `
      SELECT g.grain, s.scope, date_trunc(g.grain, x.day::timestamp)::date AS bucket, x.category, x.district_id, sum(x.sign) AS reports, sum(x.sign * x.amount) AS total
        FROM (SELECT (r.observed_at AT TIME ZONE 'Europe/Berlin')::date AS day, r.category, r.district_id, r.visibility, r.reporting_agency_id, r.visible_agency_ids, r.sign, r.amount
                FROM (${source}) r) x
       CROSS JOIN (VALUES ('week'), ('month')) AS g(grain)
       CROSS JOIN LATERAL (SELECT DISTINCT u FROM development_scopes(x.visibility::text, x.reporting_agency_id, x.visible_agency_ids) AS u) AS s(scope)
       GROUP BY 1, 2, 3, 4, 5
      HAVING sum(x.sign) <> 0 OR sum(x.sign * x.amount) <> 0
       ORDER BY 1, 2, 3, 4, 5`;
}

/** applyDelta for the rollup: the same upsert in key order, the same removal of emptied rows. */
export function applyBucketDelta(source: string): string {
  return `
    WITH changed AS (
      INSERT INTO development_bucket_counts AS c (${BUCKET_COLUMNS}, reports, total)
      ${bucketRows(source)}
      ON CONFLICT (${BUCKET_COLUMNS}) DO UPDATE SET reports = c.reports + excluded.reports, total = c.total + excluded.total
      RETURNING c.id, c.reports)
    SELECT coalesce(array_agg(id), '{}') INTO emptied FROM changed WHERE reports = 0;
    DELETE FROM development_bucket_counts WHERE id = ANY(emptied);`;
}

const NEW = `SELECT n.*, 1 AS sign, coalesce(n.count, 1)::bigint AS amount FROM new_rows n WHERE n.withdrawn_at IS NULL`;
const OLD = `SELECT o.*, -1 AS sign, coalesce(o.count, 1)::bigint AS amount FROM old_rows o WHERE o.withdrawn_at IS NULL`;

/**
 * The trigger function keeping both tables, with `bucketDelta` for the rollup and `truncate` for
 * TRUNCATE (migration 1765860000000 replaces it with other ones). Transition tables allow one event
 * per trigger (as in migration 1764800000000): three triggers on one function, each branch naming
 * only the tables its event has.
 */
export function dayCountsApplyFunction(bucketDelta: (source: string) => string, truncate: string): string {
  return `
      CREATE OR REPLACE FUNCTION development_day_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE emptied bigint[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${applyDelta(NEW)}
          ${bucketDelta(NEW)}
        ELSIF TG_OP = 'UPDATE' THEN
          ${applyDelta(`${NEW} UNION ALL ${OLD}`)}
          ${bucketDelta(`${NEW} UNION ALL ${OLD}`)}
        ELSIF TG_OP = 'DELETE' THEN
          ${applyDelta(OLD)}
          ${bucketDelta(OLD)}
        ELSE${truncate}
        END IF;
        RETURN NULL;
      END $$`;
}

/**
 * development_day_counts: the developments (not withdrawn) per Berlin calendar day, category,
 * district, place, "near a particularly sensitive place", reporting agency and visibility class
 * (visibility, visible_agency_ids), with both measures of development-measure.ts: `reports` (how
 * many) and `total` (the sum of their count, a missing count adding 1). Issue 11: a whole city's
 * year of trends right after a write counted every development again (p95 1.2 s at 1M rows).
 *
 * Kept by statement triggers on developments in the writing transaction, so that no write path
 * (service, demo loader, bench loader, a manual UPDATE) can forget it and a reader never sees counts
 * and rows disagree. An update subtracts the old row and adds the new one, which covers moves
 * between days, districts, places or categories, visibility changes and withdrawal. The counts
 * carry the three visibility columns under the names they have on developments, so that THE
 * visibility rule (visibilityCondition in development-visibility.ts) narrows both alike.
 *
 * development_bucket_counts: the same measures rolled up per week or month (grain; bucket = the
 * Berlin Monday or the 1st), category, district and visibility SCOPE instead of visibility class.
 * The day counts barely shrink (their key holds place, agency and named agencies: ~99k rows for
 * 100k developments); the rollup holds at most grains x buckets x categories x districts x scopes.
 * A development adds to 'all' when visible to all, else once to each agency that may see it
 * (development_scopes(), migration 1764800000000, THE scope derivation, which the trigger
 * below takes verbatim); a viewer adds up viewerScopes(). Trends grouped by district, filtered at
 * most by category and district, read their whole buckets from it (development-day-counts.ts).
 *
 * One trigger function keeps both tables, day counts first, each in key order, so that
 * concurrent writers take the count rows' locks in one order. The unique keys treat NULLs (no
 * district, no place) as equal (PostgreSQL 15+, also PGlite), so concurrent writers meet on one
 * row through ON CONFLICT.
 */
export class DevelopmentDayCounts1765850000000 implements MigrationInterface {
  name = 'DevelopmentDayCounts1765850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE development_day_counts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        day date NOT NULL,
        category text NOT NULL,
        district_id uuid,
        place_id uuid,
        near_sensitive boolean NOT NULL,
        reporting_agency_id uuid NOT NULL,
        visibility text NOT NULL,
        visible_agency_ids uuid[] NOT NULL,
        -- No CHECK (>= 0): PostgreSQL checks the proposed row of an upsert, and a subtraction proposes a negative one.
        reports bigint NOT NULL,
        total bigint NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX development_day_counts_key ON development_day_counts (${COLUMNS}) NULLS NOT DISTINCT`);
    await q.query(`
      CREATE TABLE development_bucket_counts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        grain text NOT NULL CHECK (grain IN ('week', 'month')),
        bucket date NOT NULL,
        category text NOT NULL,
        district_id uuid,
        -- 'all' or an agency id (text): see development_scopes().
        scope text NOT NULL,
        reports bigint NOT NULL,
        total bigint NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX development_bucket_counts_key ON development_bucket_counts (${BUCKET_COLUMNS}) NULLS NOT DISTINCT`);

    await q.query(dayCountsApplyFunction(applyBucketDelta, `
          DELETE FROM development_day_counts;
          DELETE FROM development_bucket_counts;`));
    // The trigger takes a lock on developments that keeps writers out until this migration commits:
    // the backfill below and the trigger see the same rows.
    await q.query(`CREATE TRIGGER developments_day_counts_inserted AFTER INSERT ON developments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION development_day_counts_apply()`);
    await q.query(`CREATE TRIGGER developments_day_counts_updated AFTER UPDATE ON developments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION development_day_counts_apply()`);
    await q.query(`CREATE TRIGGER developments_day_counts_deleted AFTER DELETE ON developments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION development_day_counts_apply()`);
    await q.query(`CREATE TRIGGER developments_day_counts_truncated AFTER TRUNCATE ON developments FOR EACH STATEMENT EXECUTE FUNCTION development_day_counts_apply()`);
    await q.query(`
      INSERT INTO development_day_counts (${COLUMNS}, reports, total)
      SELECT ${COLUMNS}, count(*), sum(amount)
        FROM (SELECT ${KEY}, coalesce(r.count, 1) AS amount FROM developments r WHERE r.withdrawn_at IS NULL) x
       GROUP BY ${COLUMNS}`);
    await q.query(`INSERT INTO development_bucket_counts (${BUCKET_COLUMNS}, reports, total)
      ${bucketRows(`SELECT r.*, 1 AS sign, coalesce(r.count, 1)::bigint AS amount FROM developments r WHERE r.withdrawn_at IS NULL`)}`);
    // Statistics now, not when autovacuum comes by: without them the first reads plan for an empty table.
    await q.query(`ANALYZE development_day_counts, development_bucket_counts`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['inserted', 'updated', 'deleted', 'truncated']) await q.query(`DROP TRIGGER developments_day_counts_${t} ON developments`);
    await q.query(`DROP FUNCTION development_day_counts_apply()`);
    await q.query(`DROP TABLE development_bucket_counts`);
    await q.query(`DROP TABLE development_day_counts`);
  }
}
