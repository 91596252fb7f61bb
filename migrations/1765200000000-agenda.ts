import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agenda of a meeting (issue 8): generated when the meeting is convened, then edited by the
 * coordinators. `source` holds what an item was built from, as ids only (the district, the
 * developments, the measures, the escalations, and the period of a district item): never counts,
 * because counts depend on who reads them (visibility) and are computed for each reader.
 * Positions are unique per meeting; the constraint is deferred so that a reorder can swap them in
 * one transaction.
 */
export class Agenda1765200000000 implements MigrationInterface {
  name = 'Agenda1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rapport_id uuid NOT NULL REFERENCES rapports(id),
        position integer NOT NULL CHECK (position >= 0),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        kind text NOT NULL CHECK (kind IN ('district', 'measures', 'escalations', 'custom')),
        source jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_by uuid REFERENCES people(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT agenda_items_position_key UNIQUE (rapport_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agenda_items`);
  }
}
