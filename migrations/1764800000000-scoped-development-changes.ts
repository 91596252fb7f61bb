import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The "developments changed" signal per visibility scope (issue 7 §1 and §5 together).
 *
 * One global counter told every viewer, through the trends cache and the key-figure freshness,
 * that *something* changed, also when only a police-only record did: a timing and staleness side
 * channel. Now a counter per scope: 'all' (records every participant sees) and one per agency (the
 * restricted records it may see: its own, and those naming it). Statement-level triggers with
 * transition tables bump, once per statement, every scope that saw a written row before or after
 * the write, so a record that leaves a scope's sight also moves that scope's counter. A viewer's
 * signal is the sum of 'all' and their agency's counter (readDevelopmentChange); each row lock
 * still orders the bumps by commit, as the single counter did (migration 1764100000000).
 */
export class ScopedDevelopmentChanges1764800000000 implements MigrationInterface {
  name = 'ScopedDevelopmentChanges1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE development_scope_changes (scope text PRIMARY KEY, n bigint NOT NULL, changed_at timestamptz NOT NULL)`);
    await q.query(`
      INSERT INTO development_scope_changes (scope, n, changed_at)
      SELECT 'all', n, coalesce(changed_at, now()) FROM development_changes WHERE id = 1`);
    // Cached evaluations carry values of the old counter; they are recomputed (a cache only).
    await q.query(`DELETE FROM key_figure_evaluations`);
    await q.query(`DROP TRIGGER developments_changed ON developments`);
    await q.query(`DROP FUNCTION development_changes_bump()`);
    await q.query(`DROP TABLE development_changes`);

    // The scopes that may see a development (mirrors visibilityCondition in development-visibility.ts).
    await q.query(`
      CREATE FUNCTION development_scopes(vis text, agency uuid, named uuid[]) RETURNS SETOF text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT 'all' WHERE vis = 'all'
        UNION ALL SELECT agency::text WHERE vis <> 'all'
        UNION ALL SELECT unnest(named)::text WHERE vis = 'agencies'
      $$`);
    // Transition tables allow one event per trigger, hence three triggers on one function. The
    // scopes are bumped in a fixed order so that concurrent writers cannot deadlock on them.
    await q.query(`
      CREATE FUNCTION development_scope_changes_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO development_scope_changes AS c (scope, n, changed_at)
            SELECT DISTINCT s, 1::bigint, now() FROM new_rows r, development_scopes(r.visibility::text, r.reporting_agency_id, r.visible_agency_ids) s ORDER BY 1
            ON CONFLICT (scope) DO UPDATE SET n = c.n + 1, changed_at = now();
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO development_scope_changes AS c (scope, n, changed_at)
            SELECT DISTINCT s, 1::bigint, now() FROM (
              SELECT visibility, reporting_agency_id, visible_agency_ids FROM new_rows
              UNION ALL SELECT visibility, reporting_agency_id, visible_agency_ids FROM old_rows) r,
              development_scopes(r.visibility::text, r.reporting_agency_id, r.visible_agency_ids) s ORDER BY 1
            ON CONFLICT (scope) DO UPDATE SET n = c.n + 1, changed_at = now();
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO development_scope_changes AS c (scope, n, changed_at)
            SELECT DISTINCT s, 1::bigint, now() FROM old_rows r, development_scopes(r.visibility::text, r.reporting_agency_id, r.visible_agency_ids) s ORDER BY 1
            ON CONFLICT (scope) DO UPDATE SET n = c.n + 1, changed_at = now();
        ELSE -- TRUNCATE: every scope saw something go.
          UPDATE development_scope_changes SET n = n + 1, changed_at = now();
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER developments_scope_inserted AFTER INSERT ON developments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION development_scope_changes_bump()`);
    await q.query(`CREATE TRIGGER developments_scope_updated AFTER UPDATE ON developments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION development_scope_changes_bump()`);
    await q.query(`CREATE TRIGGER developments_scope_deleted AFTER DELETE ON developments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION development_scope_changes_bump()`);
    await q.query(`CREATE TRIGGER developments_scope_truncated AFTER TRUNCATE ON developments FOR EACH STATEMENT EXECUTE FUNCTION development_scope_changes_bump()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['inserted', 'updated', 'deleted', 'truncated']) await q.query(`DROP TRIGGER developments_scope_${t} ON developments`);
    await q.query(`DROP FUNCTION development_scope_changes_bump()`);
    await q.query(`DROP FUNCTION development_scopes(text, uuid, uuid[])`);
    await q.query(`CREATE TABLE development_changes (id smallint PRIMARY KEY CHECK (id = 1), n bigint NOT NULL, changed_at timestamptz)`);
    await q.query(`INSERT INTO development_changes (id, n, changed_at) SELECT 1, coalesce(sum(n), 0), max(changed_at) FROM development_scope_changes`);
    await q.query(`DELETE FROM key_figure_evaluations`);
    await q.query(`DROP TABLE development_scope_changes`);
    await q.query(`
      CREATE FUNCTION development_changes_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE development_changes SET n = n + 1, changed_at = now() WHERE id = 1;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER developments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON developments FOR EACH STATEMENT EXECUTE FUNCTION development_changes_bump()`);
  }
}
