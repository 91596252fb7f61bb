import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Minutes of a meeting (issue 8).
 *
 * - rapport_minutes: the entries of a meeting's minutes, per revision. Revision 1 is written while
 *   the meeting is held; publishing makes it read-only. A correction is a new revision: a copy of
 *   every entry with revision + 1, each linked to the entry it replaces (previous_id). Entries
 *   belong to the rapport directly, not to agenda items, so minutes do not depend on the agenda.
 * - measures.rapport_id becomes a real foreign key. Measures recorded before rapports existed may
 *   name rapports that never existed (the column was unchecked); those links are cleared first.
 */
export class Minutes1765300000000 implements MigrationInterface {
  name = 'Minutes1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rapport_minutes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rapport_id uuid NOT NULL REFERENCES rapports(id),
        revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
        position integer NOT NULL CHECK (position >= 1),
        heading text CHECK (length(heading) BETWEEN 1 AND 300),
        notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
        decisions text NOT NULL DEFAULT '' CHECK (length(decisions) <= 20000),
        previous_id uuid REFERENCES rapport_minutes(id),
        created_by uuid REFERENCES people(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT rapport_minutes_position_key UNIQUE (rapport_id, revision, position),
        CHECK ((revision = 1) = (previous_id IS NULL))
      )`);
    await q.query(`UPDATE measures m SET rapport_id = NULL WHERE rapport_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM rapports r WHERE r.id = m.rapport_id)`);
    await q.query(`ALTER TABLE measures ADD CONSTRAINT measures_rapport_fk FOREIGN KEY (rapport_id) REFERENCES rapports(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE measures DROP CONSTRAINT measures_rapport_fk`);
    await q.query(`DROP TABLE rapport_minutes`);
  }
}
