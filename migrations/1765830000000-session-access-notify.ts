import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change that can end or narrow a signed-in person's access sends a notification on the
 * channel `session_access` (issue 11): `s:<session id>` when a session is revoked, expires or
 * goes, `p:<person id>` when a person's agency, roles, active flag or access confirmation changes
 * or the person goes. The API caches positive session checks for a few seconds
 * (apps/api/src/auth/session-access.cache.ts) and drops them when it hears one. Triggers rather
 * than calls in the services: whatever writes these rows (a service, the demo city, a hand-made
 * UPDATE) is heard, and the notification is sent at commit, never for a rolled-back change.
 */
export class SessionAccessNotify1765830000000 implements MigrationInterface {
  name = 'SessionAccessNotify1765830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION session_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('session_access', (CASE TG_TABLE_NAME WHEN 'sessions' THEN 's:' ELSE 'p:' END) || OLD.id);
        RETURN NULL;
      END $$`);
    // A DELETE trigger's WHEN may not read NEW: one trigger per event.
    await q.query(`
      CREATE TRIGGER sessions_access_updated AFTER UPDATE ON sessions FOR EACH ROW
      WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at OR OLD.person_id IS DISTINCT FROM NEW.person_id)
      EXECUTE FUNCTION session_access_changed()`);
    await q.query(`CREATE TRIGGER sessions_access_deleted AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION session_access_changed()`);
    await q.query(`
      CREATE TRIGGER people_access_updated AFTER UPDATE ON people FOR EACH ROW
      WHEN (OLD.agency_id IS DISTINCT FROM NEW.agency_id OR OLD.roles IS DISTINCT FROM NEW.roles OR OLD.active IS DISTINCT FROM NEW.active
            OR OLD.access_confirmed_at IS DISTINCT FROM NEW.access_confirmed_at)
      EXECUTE FUNCTION session_access_changed()`);
    await q.query(`CREATE TRIGGER people_access_deleted AFTER DELETE ON people FOR EACH ROW EXECUTE FUNCTION session_access_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER people_access_deleted ON people`);
    await q.query(`DROP TRIGGER people_access_updated ON people`);
    await q.query(`DROP TRIGGER sessions_access_deleted ON sessions`);
    await q.query(`DROP TRIGGER sessions_access_updated ON sessions`);
    await q.query(`DROP FUNCTION session_access_changed()`);
  }
}
