import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7 §1, visibility as a property of every answer:
 * - people: a leadership person of the agency confirms a new member's (or a new role's, or a
 *   reset password's) access to the agency's restricted records (four-eyes), once the person chose
 *   their own password. Everyone who exists already counts as confirmed and as having chosen it.
 * - key_figure_evaluations: cached per visibility scope (the confirmed viewer's agency, or 'all'
 *   for viewers who see only what every participant sees) instead of per agency, and without the
 *   hidden_records flag, which told a viewer that records they may not see exist. The table is a
 *   cache: it is emptied and filled again on demand.
 */
export class AccessConfirmation1764200000000 implements MigrationInterface {
  name = 'AccessConfirmation1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE people
        ADD COLUMN access_confirmed_at timestamptz,
        ADD COLUMN access_confirmed_by uuid REFERENCES people(id),
        ADD COLUMN access_changed_by uuid REFERENCES people(id),
        ADD COLUMN password_chosen_by_self boolean NOT NULL DEFAULT true`);
    await q.query(`UPDATE people SET access_confirmed_at = now()`);
    // Four-eyes in the database too: nobody confirms themselves or the change they made.
    await q.query(`
      ALTER TABLE people ADD CONSTRAINT people_access_four_eyes CHECK (
        (access_confirmed_by IS NULL OR access_confirmed_at IS NOT NULL)
        AND (access_confirmed_by IS NULL OR (access_confirmed_by <> id AND access_confirmed_by IS DISTINCT FROM access_changed_by)))`);

    await q.query(`DELETE FROM key_figure_evaluations`);
    // Dropping the column drops the primary key and the partial index built on it.
    await q.query(`ALTER TABLE key_figure_evaluations DROP COLUMN viewer_agency_id, DROP COLUMN hidden_records`);
    await q.query(`
      ALTER TABLE key_figure_evaluations
        ADD COLUMN viewer_scope text NOT NULL CHECK (viewer_scope = 'all' OR viewer_scope ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
        ADD PRIMARY KEY (viewer_scope, key_figure_id)`);
    await q.query(`CREATE INDEX key_figure_evaluations_flagged_idx ON key_figure_evaluations (viewer_scope) WHERE displacement_suspected`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM key_figure_evaluations`);
    await q.query(`ALTER TABLE key_figure_evaluations DROP COLUMN viewer_scope`);
    await q.query(`
      ALTER TABLE key_figure_evaluations
        ADD COLUMN viewer_agency_id uuid NOT NULL REFERENCES agencies(id),
        ADD COLUMN hidden_records boolean NOT NULL DEFAULT false,
        ADD PRIMARY KEY (viewer_agency_id, key_figure_id)`);
    await q.query(`CREATE INDEX key_figure_evaluations_flagged_idx ON key_figure_evaluations (viewer_agency_id) WHERE displacement_suspected`);
    await q.query(`ALTER TABLE people DROP CONSTRAINT people_access_four_eyes`);
    await q.query(`ALTER TABLE people DROP COLUMN password_chosen_by_self, DROP COLUMN access_changed_by, DROP COLUMN access_confirmed_by, DROP COLUMN access_confirmed_at`);
  }
}
