import { MigrationInterface, QueryRunner } from 'typeorm';
import { applyBucketDelta, BUCKET_COLUMNS, bucketRows, dayCountsApplyFunction } from './1765850000000-development-day-counts.js';

/**
 * Rollup rows (development_bucket_counts) that fall to zero stay, instead of being deleted, so that
 * a reader can learn what changed since its last read from the rows alone (issue 11: whole-city
 * trends right after a write read the few changed rows instead of all ~20,000 of a year).
 *
 * Which rows changed: every upsert writes a new row version, whose `xmin` is the writing
 * transaction. A row whose xmin is older than the oldest transaction still running at the earlier
 * read's snapshot (its snapshot xmin) was visible to that read; every other row may have changed
 * since and is read again (development-day-counts.ts, rollupState). No extra column, no extra lock
 * in the writing transaction. Readers of the whole rollup skip rows at zero. TRUNCATE sets every
 * row to zero instead of deleting it, for the same reason.
 */
export class BucketCountsKeepZeros1765860000000 implements MigrationInterface {
  name = 'BucketCountsKeepZeros1765860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(dayCountsApplyFunction(keptBucketDelta, `
          DELETE FROM development_day_counts;
          UPDATE development_bucket_counts SET reports = 0, total = 0 WHERE reports <> 0 OR total <> 0;`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM development_bucket_counts WHERE reports = 0`);
    await q.query(dayCountsApplyFunction(applyBucketDelta, `
          DELETE FROM development_day_counts;
          DELETE FROM development_bucket_counts;`));
  }
}

/** The rollup upsert in key order; rows that fall to zero stay. */
function keptBucketDelta(source: string): string {
  return `
    INSERT INTO development_bucket_counts AS c (${BUCKET_COLUMNS}, reports, total)
    ${bucketRows(source)}
    ON CONFLICT (${BUCKET_COLUMNS}) DO UPDATE SET reports = c.reports + excluded.reports, total = c.total + excluded.total;`;
}
