import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the development read paths, from bench/developments.bench.ts (1,000,000 rows):
 * - paginate() orders by `<column> DESC NULLS LAST, id DESC`. An index on `observed_at DESC`
 *   is DESC NULLS FIRST and cannot deliver that order, so every first page sorted all matching
 *   rows (the "near a sensitive place" list: ~250 ms). The same keys with NULLS LAST make it a
 *   read of the first rows (< 1 ms in SQL). created_at gets the same for sort=createdAt.
 * - The district index carries the columns that trends and the visibility predicate read, so that
 *   a district's year of trends is an index-only scan instead of ~10,000 scattered heap pages.
 * Plain CREATE INDEX (not CONCURRENTLY) because migrations run in a transaction; developments are
 * written by people, rarely, so the short write lock during the build is acceptable.
 */
export class DevelopmentIndexes1763900000000 implements MigrationInterface {
  name = 'DevelopmentIndexes1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX developments_observed_idx`);
    await q.query(`CREATE INDEX developments_observed_idx ON developments (observed_at DESC NULLS LAST, id DESC)`);
    await q.query(`DROP INDEX developments_sensitive_idx`);
    await q.query(`CREATE INDEX developments_sensitive_idx ON developments (observed_at DESC NULLS LAST, id DESC) WHERE nearest_sensitive_place_id IS NOT NULL`);
    await q.query(`CREATE INDEX developments_created_idx ON developments (created_at DESC NULLS LAST, id DESC)`);
    await q.query(`DROP INDEX developments_district_idx`);
    await q.query(`
      CREATE INDEX developments_district_idx ON developments (district_id, observed_at)
      INCLUDE (category, place_id, visibility, reporting_agency_id, visible_agency_ids, withdrawn_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX developments_district_idx`);
    await q.query(`CREATE INDEX developments_district_idx ON developments (district_id, observed_at)`);
    await q.query(`DROP INDEX developments_created_idx`);
    await q.query(`DROP INDEX developments_sensitive_idx`);
    await q.query(`CREATE INDEX developments_sensitive_idx ON developments (observed_at DESC) WHERE nearest_sensitive_place_id IS NOT NULL`);
    await q.query(`DROP INDEX developments_observed_idx`);
    await q.query(`CREATE INDEX developments_observed_idx ON developments (observed_at DESC, id DESC)`);
  }
}
