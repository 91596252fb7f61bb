import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET developments?reportedBy=me` (Meine Meldungen, issue 10): one person's developments, newest
 * first, keyset-paged like every list (see 1764400000000: `(col, id)` after the filter column, so
 * that the filter plus the keyset is one index range).
 */
export class DevelopmentsReporterIndex1765810000000 implements MigrationInterface {
  name = 'DevelopmentsReporterIndex1765810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX developments_reporter_idx ON developments (reporter_id, observed_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX developments_reporter_idx`);
  }
}
