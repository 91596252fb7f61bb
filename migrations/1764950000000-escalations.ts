import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalations towards the extended rapport and the threshold rules that propose them (issue 8).
 *
 * - threshold_rules: categories (at least one), one scope (a district, a place, or 'sensitive' =
 *   near any particularly sensitive place, evaluated per sensitive place), a window in days, and
 *   exactly one of an absolute count or a rise in percent. The CHECKs repeat the service's
 *   validation, so that no other writer can store a rule the evaluator cannot read.
 * - escalations: raised by a person (reason, short text) or proposed by a rule for one scope
 *   (scope_id: the district, place or sensitive place the breach concerns).
 * - escalations_one_open_per_rule: at most one open (proposed) escalation per rule and scope. This
 *   is THE guarantee against duplicates from concurrent evaluations (two worker processes, or a
 *   development job and the periodic run at once): the evaluator inserts with ON CONFLICT DO NOTHING.
 * - status CHECK lists convened and resolved already; the routes that set them come with the
 *   extended rapport.
 */
export class Escalations1764950000000 implements MigrationInterface {
  name = 'Escalations1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE threshold_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        categories text[] NOT NULL CHECK (cardinality(categories) >= 1),
        scope_kind text NOT NULL CHECK (scope_kind IN ('district', 'place', 'sensitive')),
        district_id uuid REFERENCES districts(id),
        place_id uuid REFERENCES places(id),
        window_days integer NOT NULL CHECK (window_days BETWEEN 1 AND 366),
        min_count integer CHECK (min_count >= 1),
        rise_percent integer CHECK (rise_percent >= 1),
        active boolean NOT NULL DEFAULT true,
        created_by uuid NOT NULL REFERENCES people(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT threshold_rules_scope CHECK (
          (scope_kind = 'district') = (district_id IS NOT NULL)
          AND (scope_kind = 'place') = (place_id IS NOT NULL)),
        CONSTRAINT threshold_rules_one_trigger CHECK ((min_count IS NULL) <> (rise_percent IS NULL))
      )`);
    await q.query(`CREATE INDEX threshold_rules_active ON threshold_rules (active, created_at, id)`);

    await q.query(`
      CREATE TABLE escalations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reason text NOT NULL CHECK (reason IN ('many_syringe_finds', 'residents_complaints', 'aggression_violence', 'new_scene', 'other')),
        text text,
        status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'convened', 'dismissed', 'resolved')),
        raised_by uuid REFERENCES people(id),
        raised_by_agency_id uuid REFERENCES agencies(id),
        rule_id uuid REFERENCES threshold_rules(id),
        scope_id uuid,
        dismissed_by uuid REFERENCES people(id),
        dismissed_at timestamptz,
        dismissal_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT escalations_origin CHECK (
          (raised_by IS NOT NULL AND raised_by_agency_id IS NOT NULL AND text IS NOT NULL AND rule_id IS NULL AND scope_id IS NULL)
          OR (raised_by IS NULL AND raised_by_agency_id IS NULL AND rule_id IS NOT NULL AND scope_id IS NOT NULL)),
        CONSTRAINT escalations_dismissal CHECK ((status = 'dismissed') = (dismissed_at IS NOT NULL AND dismissal_reason IS NOT NULL AND dismissed_by IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX escalations_one_open_per_rule ON escalations (rule_id, scope_id) WHERE status = 'proposed' AND rule_id IS NOT NULL`);
    await q.query(`CREATE INDEX escalations_rule_scope ON escalations (rule_id, scope_id, dismissed_at) WHERE rule_id IS NOT NULL`);
    await q.query(`CREATE INDEX escalations_created ON escalations (created_at, id)`);
    await q.query(`CREATE INDEX escalations_raised_by_agency ON escalations (raised_by_agency_id) WHERE raised_by_agency_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE escalation_developments (
        escalation_id uuid NOT NULL REFERENCES escalations(id) ON DELETE CASCADE,
        development_id uuid NOT NULL REFERENCES developments(id),
        PRIMARY KEY (escalation_id, development_id)
      )`);
    await q.query(`CREATE INDEX escalation_developments_development ON escalation_developments (development_id)`);
    // Rules count by category and time, within a district, a place or near a sensitive place.
    await q.query(`CREATE INDEX developments_rule_sensitive ON developments (nearest_sensitive_place_id, observed_at) WHERE withdrawn_at IS NULL AND nearest_sensitive_place_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX developments_rule_sensitive`);
    await q.query(`DROP TABLE escalation_developments`);
    await q.query(`DROP TABLE escalations`);
    await q.query(`DROP TABLE threshold_rules`);
  }
}
