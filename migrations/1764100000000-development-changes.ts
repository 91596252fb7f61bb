import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter that every write to developments bumps (one statement-level trigger, so a bulk load
 * bumps it once). The row lock orders the bumps by commit: a reader that sees value N in a snapshot
 * sees every development written by the transactions that counted up to N. Result caches (trends)
 * key on it; unlike max(updated_at) it cannot miss a transaction that committed late.
 */
export class DevelopmentChanges1764100000000 implements MigrationInterface {
  name = 'DevelopmentChanges1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE development_changes (id smallint PRIMARY KEY CHECK (id = 1), n bigint NOT NULL)`);
    await q.query(`INSERT INTO development_changes (id, n) VALUES (1, 0)`);
    await q.query(`
      CREATE FUNCTION development_changes_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE development_changes SET n = n + 1 WHERE id = 1;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER developments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON developments FOR EACH STATEMENT EXECUTE FUNCTION development_changes_bump()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS developments_changed ON developments`);
    await q.query(`DROP FUNCTION IF EXISTS development_changes_bump()`);
    await q.query(`DROP TABLE IF EXISTS development_changes`);
  }
}
