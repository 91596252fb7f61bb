import { MigrationInterface, QueryRunner } from 'typeorm';
import { applyDelta, BUCKET_COLUMNS, bucketRows, NEW, OLD } from './1765850000000-development-day-counts.js';

/**
 * The rollup (development_bucket_counts) tells a reader what changed since its last read, so that
 * whole-city trends right after a write read the few changed rows instead of all ~20,000 of a
 * year (issue 11: p95 < 50 ms after a write at 1M developments).
 *
 * - changed_n: the value of the row's scope counter (development_scope_changes) set by the
 *   statement that last changed the row. The scope counter rows are locked by that statement until
 *   its transaction ends, so within a scope the values follow commit order: a reader whose snapshot
 *   shows counter N for a scope has seen every row change with changed_n <= N, and rows changed
 *   later carry changed_n > N (the same property the trends cache already relies on).
 * - So the counter must be bumped before the rollup is written: triggers of one event fire in the
 *   order of their names, and the scope bump ("developments_scope_*") sorted after the counts
 *   ("developments_day_counts_*"). Both are renamed with their order in front.
 * - Rows that fall to zero stay (with their changed_n), so that a reader learns of a count that
 *   went away; readers of the whole rollup skip them (reports = 0). TRUNCATE sets every row to
 *   zero instead of deleting it, for the same reason.
 */
export class BucketCountsChangedN1765860000000 implements MigrationInterface {
  name = 'BucketCountsChangedN1765860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE development_bucket_counts ADD COLUMN changed_n bigint NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX development_bucket_counts_changed ON development_bucket_counts (scope, grain, changed_n)`);
    for (const t of ['inserted', 'updated', 'deleted', 'truncated']) {
      await q.query(`ALTER TRIGGER developments_scope_${t} ON developments RENAME TO developments_1_scope_${t}`);
      await q.query(`ALTER TRIGGER developments_day_counts_${t} ON developments RENAME TO developments_2_counts_${t}`);
    }
    await q.query(functionSql(trackedBucketDelta, `
          DELETE FROM development_day_counts;
          UPDATE development_bucket_counts c SET reports = 0, total = 0, changed_n = s.n
            FROM development_scope_changes s WHERE s.scope = c.scope AND (c.reports <> 0 OR c.total <> 0);`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM development_bucket_counts WHERE reports = 0`);
    await q.query(functionSql(untrackedBucketDelta, `
          DELETE FROM development_day_counts;
          DELETE FROM development_bucket_counts;`));
    for (const t of ['inserted', 'updated', 'deleted', 'truncated']) {
      await q.query(`ALTER TRIGGER developments_1_scope_${t} ON developments RENAME TO developments_scope_${t}`);
      await q.query(`ALTER TRIGGER developments_2_counts_${t} ON developments RENAME TO developments_day_counts_${t}`);
    }
    await q.query(`DROP INDEX development_bucket_counts_changed`);
    await q.query(`ALTER TABLE development_bucket_counts DROP COLUMN changed_n`);
  }
}

/** The rollup upsert in key order, each row stamped with its scope's counter (bumped earlier in this statement); emptied rows stay. */
function trackedBucketDelta(source: string): string {
  return `
    INSERT INTO development_bucket_counts AS c (${BUCKET_COLUMNS}, reports, total, changed_n)
    SELECT b.*, s.n FROM (${bucketRows(source)}) b JOIN development_scope_changes s ON s.scope = b.scope
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (${BUCKET_COLUMNS}) DO UPDATE SET reports = c.reports + excluded.reports, total = c.total + excluded.total, changed_n = excluded.changed_n;`;
}

/** The upsert of migration 1765850000000 (for down). */
function untrackedBucketDelta(source: string): string {
  return `
    WITH changed AS (
      INSERT INTO development_bucket_counts AS c (${BUCKET_COLUMNS}, reports, total)
      ${bucketRows(source)}
      ON CONFLICT (${BUCKET_COLUMNS}) DO UPDATE SET reports = c.reports + excluded.reports, total = c.total + excluded.total
      RETURNING c.id, c.reports)
    SELECT coalesce(array_agg(id), '{}') INTO emptied FROM changed WHERE reports = 0;
    DELETE FROM development_bucket_counts WHERE id = ANY(emptied);`;
}

function functionSql(bucketDelta: (source: string) => string, truncate: string): string {
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
