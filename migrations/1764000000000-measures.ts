import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measures (issue 4): measures with their history and milestones, key figures and the per-agency
 * cache of key-figure evaluations for the leadership dashboard. Places and districts a measure
 * applies to are uuid[] columns (GIN-indexed for the dashboard's district filter) rather than link
 * tables: they are only ever read as a set, and the service checks the ids on every write.
 * rapport_id / agenda_item_id have no foreign keys yet: the rapport issue adds them.
 */
export class Measures1764000000000 implements MigrationInterface {
  name = 'Measures1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE measures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 8000),
        owning_agency_id uuid NOT NULL REFERENCES agencies(id),
        responsible_id uuid NOT NULL REFERENCES people(id),
        deputy_id uuid REFERENCES people(id),
        start_date date NOT NULL,
        deadline date NOT NULL,
        priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low','normal','high','urgent')),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','in_progress','done','blocked','cancelled')),
        status_reason text CHECK (length(status_reason) BETWEEN 1 AND 2000),
        completion_note text CHECK (length(completion_note) BETWEEN 1 AND 4000),
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        place_ids uuid[] NOT NULL DEFAULT '{}',
        district_ids uuid[] NOT NULL DEFAULT '{}',
        rapport_id uuid,
        agenda_item_id uuid,
        created_by uuid NOT NULL REFERENCES people(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (deputy_id IS NULL OR deputy_id <> responsible_id),
        CHECK (start_date <= deadline),
        CHECK ((status = 'done') = (completed_at IS NOT NULL)),
        CHECK (status <> 'done' OR completion_note IS NOT NULL),
        CHECK (status NOT IN ('blocked','cancelled') OR status_reason IS NOT NULL),
        CHECK (cardinality(place_ids) <= 50 AND cardinality(district_ids) <= 50)
      )`);
    // Dashboard: per-agency aggregates, overdue and upcoming deadlines (open only), completions in a period.
    // The INCLUDE columns let the dashboard's aggregates run as index-only scans (p95 < 50 ms at 50,000 measures).
    await q.query(`CREATE INDEX measures_agency_status_idx ON measures (owning_agency_id, status)`);
    await q.query(`CREATE INDEX measures_open_deadline_idx ON measures (deadline) INCLUDE (owning_agency_id) WHERE status IN ('planned','in_progress','blocked')`);
    await q.query(`CREATE INDEX measures_deadline_idx ON measures (deadline, id) INCLUDE (owning_agency_id, status)`);
    await q.query(`CREATE INDEX measures_completed_idx ON measures (completed_at) INCLUDE (owning_agency_id) WHERE completed_at IS NOT NULL`);
    await q.query(`CREATE INDEX measures_place_ids_idx ON measures USING gin (place_ids)`);
    await q.query(`CREATE INDEX measures_district_ids_idx ON measures USING gin (district_ids)`);
    await q.query(`CREATE INDEX measures_rapport_idx ON measures (rapport_id) WHERE rapport_id IS NOT NULL`);
    await q.query(`CREATE INDEX measures_responsible_idx ON measures (responsible_id)`);
    await q.query(`CREATE INDEX measures_deputy_idx ON measures (deputy_id) WHERE deputy_id IS NOT NULL`);
    await q.query(`CREATE INDEX measures_created_idx ON measures (created_at, id)`);

    await q.query(`
      CREATE TABLE measure_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        measure_id uuid NOT NULL REFERENCES measures(id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid NOT NULL REFERENCES people(id),
        kind text NOT NULL CHECK (kind IN ('created','updated','status_changed','progress_note','milestone_added','milestone_updated','key_figure_added','key_figure_updated','key_figure_removed')),
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        note text CHECK (length(note) <= 4000),
        subject_id uuid
      )`);
    await q.query(`CREATE INDEX measure_events_measure_idx ON measure_events (measure_id, at, id)`);
    // The history is append-only, like the audit trail.
    await q.query(`
      CREATE FUNCTION measure_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'measure_events is append-only'; END $$`);
    await q.query(`CREATE TRIGGER measure_events_no_change BEFORE UPDATE OR DELETE ON measure_events FOR EACH ROW EXECUTE FUNCTION measure_events_append_only()`);

    await q.query(`
      CREATE TABLE milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        measure_id uuid NOT NULL REFERENCES measures(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        due_date date NOT NULL,
        done boolean NOT NULL DEFAULT false,
        done_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (done = (done_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX milestones_measure_idx ON milestones (measure_id, due_date)`);

    await q.query(`
      CREATE TABLE key_figures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        measure_id uuid NOT NULL REFERENCES measures(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        categories text[] NOT NULL CHECK (cardinality(categories) >= 1 AND categories <@ ARRAY['syringe_finds','complaint','aggression_violence','new_scene','dealing','public_consumption','camping','enforcement_action','other']::text[]),
        place_ids uuid[] NOT NULL DEFAULT '{}',
        district_ids uuid[] NOT NULL DEFAULT '{}',
        center_lat double precision CHECK (center_lat BETWEEN -90 AND 90),
        center_lon double precision CHECK (center_lon BETWEEN -180 AND 180),
        radius_m integer CHECK (radius_m BETWEEN 10 AND 10000),
        buffer_factor double precision NOT NULL DEFAULT 2 CHECK (buffer_factor > 1 AND buffer_factor <= 5),
        control_district_id uuid REFERENCES districts(id),
        period text NOT NULL CHECK (period IN ('week','month')),
        baseline_periods smallint NOT NULL DEFAULT 3 CHECK (baseline_periods BETWEEN 1 AND 24),
        target_kind text NOT NULL CHECK (target_kind IN ('absolute','percent')),
        target_value double precision NOT NULL CHECK (target_kind = 'absolute' AND target_value >= 0 OR target_kind = 'percent' AND target_value BETWEEN -100 AND 1000),
        target_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        -- Copies of the measure's owning agency, status and start date, kept by the triggers below,
        -- so that the dashboard counts key figures without joining all measures.
        owning_agency_id uuid NOT NULL,
        measure_status text NOT NULL,
        measure_start_date date NOT NULL,
        -- A circle is all three values or none, and excludes places/districts.
        CHECK ((center_lat IS NULL) = (center_lon IS NULL) AND (center_lat IS NULL) = (radius_m IS NULL)),
        CHECK (center_lat IS NULL OR (cardinality(place_ids) = 0 AND cardinality(district_ids) = 0)),
        CHECK (control_district_id IS NULL OR center_lat IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX key_figures_measure_idx ON key_figures (measure_id)`);
    await q.query(`
      CREATE FUNCTION key_figures_copy_measure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT m.owning_agency_id, m.status, m.start_date INTO NEW.owning_agency_id, NEW.measure_status, NEW.measure_start_date
          FROM measures m WHERE m.id = NEW.measure_id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER key_figures_copy_measure BEFORE INSERT OR UPDATE OF measure_id ON key_figures FOR EACH ROW EXECUTE FUNCTION key_figures_copy_measure()`);
    await q.query(`
      CREATE FUNCTION measures_sync_key_figures() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE key_figures SET owning_agency_id = NEW.owning_agency_id, measure_status = NEW.status, measure_start_date = NEW.start_date
         WHERE measure_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER measures_sync_key_figures AFTER UPDATE OF owning_agency_id, status, start_date ON measures FOR EACH ROW
      WHEN (OLD.owning_agency_id IS DISTINCT FROM NEW.owning_agency_id OR OLD.status IS DISTINCT FROM NEW.status OR OLD.start_date IS DISTINCT FROM NEW.start_date)
      EXECUTE FUNCTION measures_sync_key_figures()`);

    await q.query(`
      CREATE TABLE key_figure_evaluations (
        key_figure_id uuid NOT NULL REFERENCES key_figures(id) ON DELETE CASCADE,
        viewer_agency_id uuid NOT NULL REFERENCES agencies(id),
        fingerprint text NOT NULL,
        evaluated_at timestamptz NOT NULL,
        evaluated_on date NOT NULL,
        developments_watermark timestamptz,
        status text NOT NULL CHECK (status IN ('on_track','off_track','no_data')),
        displacement_suspected boolean NOT NULL DEFAULT false,
        hidden_records boolean NOT NULL DEFAULT false,
        wdq double precision,
        PRIMARY KEY (viewer_agency_id, key_figure_id)
      )`);
    await q.query(`CREATE INDEX key_figure_evaluations_kf_idx ON key_figure_evaluations (key_figure_id)`);
    await q.query(`CREATE INDEX key_figure_evaluations_flagged_idx ON key_figure_evaluations (viewer_agency_id) WHERE displacement_suspected`);
    // The evaluations are stale once any development changed after them: max(updated_at) must be cheap.
    await q.query(`CREATE INDEX IF NOT EXISTS developments_updated_idx ON developments (updated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS developments_updated_idx`);
    for (const t of ['key_figure_evaluations', 'key_figures', 'milestones', 'measure_events', 'measures']) await q.query(`DROP TABLE IF EXISTS ${t}`);
    for (const f of ['measure_events_append_only', 'key_figures_copy_measure', 'measures_sync_key_figures']) await q.query(`DROP FUNCTION IF EXISTS ${f}()`);
  }
}
