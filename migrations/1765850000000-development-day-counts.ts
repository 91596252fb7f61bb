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

const NEW = `SELECT n.*, 1 AS sign, coalesce(n.count, 1)::bigint AS amount FROM new_rows n WHERE n.withdrawn_at IS NULL`;
const OLD = `SELECT o.*, -1 AS sign, coalesce(o.count, 1)::bigint AS amount FROM old_rows o WHERE o.withdrawn_at IS NULL`;

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
 * The unique key treats NULLs (no district, no place) as equal (PostgreSQL 15+, also PGlite), so
 * concurrent writers meet on one row through ON CONFLICT.
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

    // Transition tables allow one event per trigger (as in migration 1764800000000): three
    // triggers on one function, each branch naming only the tables its event has.
    await q.query(`
      CREATE FUNCTION development_day_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE emptied bigint[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${applyDelta(NEW)}
        ELSIF TG_OP = 'UPDATE' THEN
          ${applyDelta(`${NEW} UNION ALL ${OLD}`)}
        ELSIF TG_OP = 'DELETE' THEN
          ${applyDelta(OLD)}
        ELSE
          DELETE FROM development_day_counts;
        END IF;
        RETURN NULL;
      END $$`);
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
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['inserted', 'updated', 'deleted', 'truncated']) await q.query(`DROP TRIGGER developments_day_counts_${t} ON developments`);
    await q.query(`DROP FUNCTION development_day_counts_apply()`);
    await q.query(`DROP TABLE development_day_counts`);
  }
}
