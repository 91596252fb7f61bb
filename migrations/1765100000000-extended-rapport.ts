import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The extended rapport convened from an escalation (issue 8).
 *
 * - rapports.goal: the goal statement; an extended rapport has one, a regular one none.
 * - escalations.rapport_id: the extended rapport that convened it. A convened or resolved
 *   escalation has one, a proposed or dismissed one none; one rapport answers one escalation.
 */
export class ExtendedRapport1765100000000 implements MigrationInterface {
  name = 'ExtendedRapport1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rapports ADD COLUMN goal text CHECK (length(goal) BETWEEN 1 AND 2000)`);
    await q.query(`ALTER TABLE rapports ADD CONSTRAINT rapports_goal_of_extended CHECK ((kind = 'extended') = (goal IS NOT NULL))`);
    await q.query(`ALTER TABLE escalations ADD COLUMN rapport_id uuid REFERENCES rapports(id)`);
    await q.query(`ALTER TABLE escalations ADD CONSTRAINT escalations_rapport_when_convened CHECK ((status IN ('convened','resolved')) = (rapport_id IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX escalations_rapport_key ON escalations (rapport_id) WHERE rapport_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX escalations_rapport_key`);
    await q.query(`ALTER TABLE escalations DROP CONSTRAINT escalations_rapport_when_convened`);
    await q.query(`ALTER TABLE escalations DROP COLUMN rapport_id`);
    await q.query(`ALTER TABLE rapports DROP CONSTRAINT rapports_goal_of_extended`);
    await q.query(`ALTER TABLE rapports DROP COLUMN goal`);
  }
}
