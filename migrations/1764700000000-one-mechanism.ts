import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7 §5 and §7:
 * - One "developments changed" signal. Key-figure evaluations were marked stale by
 *   max(developments.updated_at), which misses a transaction that commits after a later one with an
 *   older timestamp (and any delete); the trends cache already keyed on the commit-ordered counter
 *   of development_changes. Evaluations now store that counter too, and the counter row also
 *   carries when it last moved (for "developments changed at" on the dashboard).
 * - Key figures count reports or sum their `count` (14 syringes in one find are 14, not 1).
 */
export class OneMechanism1764700000000 implements MigrationInterface {
  name = 'OneMechanism1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE development_changes ADD COLUMN changed_at timestamptz`);
    await q.query(`UPDATE development_changes SET changed_at = (SELECT max(updated_at) FROM developments) WHERE id = 1`);
    await q.query(`
      CREATE OR REPLACE FUNCTION development_changes_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE development_changes SET n = n + 1, changed_at = now() WHERE id = 1;
        RETURN NULL;
      END $$`);
    // Existing evaluations have no counter value: they count as stale once and are recomputed.
    await q.query(`ALTER TABLE key_figure_evaluations DROP COLUMN developments_watermark`);
    await q.query(`ALTER TABLE key_figure_evaluations ADD COLUMN developments_change bigint`);
    await q.query(`ALTER TABLE key_figures ADD COLUMN measure text NOT NULL DEFAULT 'reports' CHECK (measure IN ('reports', 'sum'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE key_figures DROP COLUMN measure`);
    await q.query(`ALTER TABLE key_figure_evaluations DROP COLUMN developments_change`);
    await q.query(`ALTER TABLE key_figure_evaluations ADD COLUMN developments_watermark timestamptz`);
    await q.query(`
      CREATE OR REPLACE FUNCTION development_changes_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE development_changes SET n = n + 1 WHERE id = 1;
        RETURN NULL;
      END $$`);
    await q.query(`ALTER TABLE development_changes DROP COLUMN changed_at`);
  }
}
