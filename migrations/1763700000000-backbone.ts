import { MigrationInterface, QueryRunner } from 'typeorm';

/** Backbone: agencies, people, sessions, refresh tokens, login throttle, audit trail, job states. */
export class Backbone1763700000000 implements MigrationInterface {
  name = 'Backbone1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('police','public_order_office','youth_office','drug_help','school','street_cleaning','streetwork','health_office','social_office','neighbourhood_management','housing','civil_society','other')),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,19}$'),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX agencies_code_key ON agencies (code)`);
    await q.query(`CREATE INDEX agencies_name_idx ON agencies (name, id)`);

    await q.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        email text NOT NULL CHECK (email = lower(email)),
        display_name text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['liaison','coordinator','leadership','admin']::text[]),
        deputy_id uuid REFERENCES people(id),
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL,
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (deputy_id IS NULL OR deputy_id <> id)
      )`);
    await q.query(`CREATE UNIQUE INDEX people_email_key ON people (email)`);
    await q.query(`CREATE INDEX people_agency_idx ON people (agency_id)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX sessions_person_idx ON sessions (person_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions(id),
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);

    await q.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        ip text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_ip_idx ON login_failures (ip, failed_at)`);

    await q.query(`
      CREATE TABLE audit_entries (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES people(id),
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_entries_entity_idx ON audit_entries (entity_type, entity_id, at)`);
    await q.query(`CREATE INDEX audit_entries_at_idx ON audit_entries (at, id)`);
    await q.query(`CREATE INDEX audit_entries_actor_idx ON audit_entries (actor_id, at)`);
    // Append-only, enforced by the database so that no code path (or bug) can rewrite history.
    await q.query(`
      CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`);
    await q.query(`CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()`);

    await q.query(`
      CREATE TABLE job_states (
        name text PRIMARY KEY,
        last_run_at timestamptz NOT NULL,
        run_count bigint NOT NULL DEFAULT 0,
        last_worker text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['job_states', 'audit_entries', 'login_failures', 'refresh_tokens', 'sessions', 'people', 'agencies']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_entries_append_only()`);
  }
}
