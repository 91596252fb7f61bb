import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Situation picture (issue 3): districts, places, substances, developments. Geometry is plain
 * columns (lat/lon, GeoJSON as jsonb) so that PostgreSQL and the embedded PGlite run the same SQL.
 */
export class SituationPicture1763800000000 implements MigrationInterface {
  name = 'SituationPicture1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE districts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,19}$'),
        boundary jsonb,
        min_lat double precision, max_lat double precision,
        min_lon double precision, max_lon double precision,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX districts_code_key ON districts (code)`);

    await q.query(`
      CREATE TABLE places (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('scene','sensitive','other')),
        sensitive_kind text CHECK (sensitive_kind IN ('kindergarten','school','playground','youth_facility')),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
        district_id uuid REFERENCES districts(id),
        address text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((kind = 'sensitive') = (sensitive_kind IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX places_lat_lon_idx ON places (lat, lon)`);
    await q.query(`CREATE INDEX places_sensitive_idx ON places (lat, lon) WHERE kind = 'sensitive' AND active`);
    await q.query(`CREATE INDEX places_district_idx ON places (district_id)`);

    await q.query(`
      CREATE TABLE substances (
        code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        label text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO substances (code, label) VALUES
        ('crack', 'Crack'), ('crystal_meth', 'Crystal Meth'), ('heroin', 'Heroin'), ('cocaine', 'Kokain'),
        ('cannabis', 'Cannabis'), ('synthetic_opioids', 'Synthetische Opioide'), ('benzodiazepines', 'Benzodiazepine'),
        ('alcohol', 'Alkohol'), ('unknown', 'Unbekannt'), ('other', 'Sonstige')`);

    await q.query(`
      CREATE TABLE developments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        category text NOT NULL CHECK (category IN ('syringe_finds','complaint','aggression_violence','new_scene','dealing','public_consumption','camping','enforcement_action','other')),
        observed_at timestamptz NOT NULL,
        place_id uuid REFERENCES places(id),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
        district_id uuid REFERENCES districts(id),
        count integer CHECK (count >= 0),
        substances text[] NOT NULL DEFAULT '{}',
        severity smallint NOT NULL CHECK (severity BETWEEN 1 AND 5),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
        reporting_agency_id uuid NOT NULL REFERENCES agencies(id),
        reporter_id uuid NOT NULL REFERENCES people(id),
        visibility text NOT NULL CHECK (visibility IN ('all','own_agency','agencies')),
        visible_agency_ids uuid[] NOT NULL DEFAULT '{}',
        nearest_sensitive_place_id uuid REFERENCES places(id),
        nearest_sensitive_distance_m integer,
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES people(id),
        withdrawal_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX developments_observed_idx ON developments (observed_at DESC, id DESC)`);
    await q.query(`CREATE INDEX developments_district_idx ON developments (district_id, observed_at)`);
    await q.query(`CREATE INDEX developments_place_idx ON developments (place_id, observed_at)`);
    await q.query(`CREATE INDEX developments_category_idx ON developments (category, observed_at)`);
    await q.query(`CREATE INDEX developments_agency_idx ON developments (reporting_agency_id, observed_at)`);
    await q.query(`CREATE INDEX developments_lat_lon_idx ON developments (lat, lon)`);
    await q.query(`CREATE INDEX developments_sensitive_idx ON developments (observed_at DESC) WHERE nearest_sensitive_place_id IS NOT NULL`);
    await q.query(`CREATE INDEX developments_text_idx ON developments USING gin (to_tsvector('german', description))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['developments', 'substances', 'places', 'districts']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
