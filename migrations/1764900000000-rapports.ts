import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regular rapports (issue 8, first slice): series with an RFC 5545 RRULE in Europe/Berlin, the
 * meetings (rapports) and their invitations with answers and attendance.
 * - Participating agencies are uuid[] columns (GIN-indexed for the liaisons' visibility test
 *   `agency = ANY(agency_ids)`), as for the places of a measure: only read as a set, checked on write.
 * - kind already allows 'extended' (convened from an escalation later) so that both kinds share
 *   one table and one workflow.
 * - UNIQUE (series_id, occurrence_start) makes a second meeting for the same slot impossible, however
 *   many workers fill the series at once; a moved meeting keeps its slot in occurrence_start.
 * - measures.rapport_id gets its foreign key only with the minutes slice (agreed measures).
 */
export class Rapports1764900000000 implements MigrationInterface {
  name = 'Rapports1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rapport_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        rrule text NOT NULL CHECK (length(rrule) BETWEEN 1 AND 500),
        start_date date NOT NULL,
        start_time text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        time_zone text NOT NULL DEFAULT 'Europe/Berlin' CHECK (time_zone = 'Europe/Berlin'),
        location text NOT NULL CHECK (length(location) BETWEEN 1 AND 300),
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
        agency_ids uuid[] NOT NULL CHECK (cardinality(agency_ids) BETWEEN 1 AND 100),
        active boolean NOT NULL DEFAULT true,
        created_by uuid NOT NULL REFERENCES people(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX rapport_series_agency_ids_idx ON rapport_series USING gin (agency_ids)`);
    await q.query(`CREATE INDEX rapport_series_created_idx ON rapport_series (created_at, id)`);

    await q.query(`
      CREATE TABLE rapports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('regular','extended')),
        series_id uuid REFERENCES rapport_series(id),
        occurrence_start timestamptz,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        location text NOT NULL CHECK (length(location) BETWEEN 1 AND 300),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','convened','held','minutes_published','cancelled')),
        cancel_reason text CHECK (length(cancel_reason) BETWEEN 1 AND 2000),
        agency_ids uuid[] NOT NULL CHECK (cardinality(agency_ids) <= 100),
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES people(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (ends_at > starts_at),
        CHECK (kind <> 'regular' OR (series_id IS NOT NULL AND occurrence_start IS NOT NULL)),
        CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
        CONSTRAINT rapports_series_occurrence_key UNIQUE (series_id, occurrence_start)
      )`);
    await q.query(`CREATE INDEX rapports_starts_idx ON rapports (starts_at, id)`);
    await q.query(`CREATE INDEX rapports_series_upcoming_idx ON rapports (series_id, starts_at) WHERE status IN ('planned','convened')`);
    await q.query(`CREATE INDEX rapports_agency_ids_idx ON rapports USING gin (agency_ids)`);

    await q.query(`
      CREATE TABLE rapport_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rapport_id uuid NOT NULL REFERENCES rapports(id),
        person_id uuid NOT NULL REFERENCES people(id),
        via text NOT NULL CHECK (via IN ('agency','person','deputy')),
        agency_id uuid REFERENCES agencies(id),
        delegated_from_id uuid REFERENCES rapport_invitations(id),
        response text NOT NULL DEFAULT 'pending' CHECK (response IN ('pending','accepted','declined','tentative','delegated')),
        responded_at timestamptz,
        attendance text CHECK (attendance IN ('present','excused','absent')),
        attendance_recorded_at timestamptz,
        attendance_recorded_by uuid REFERENCES people(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((via = 'agency') = (agency_id IS NOT NULL)),
        CHECK ((via = 'deputy') = (delegated_from_id IS NOT NULL)),
        CHECK ((response = 'pending') = (responded_at IS NULL)),
        CHECK ((attendance IS NULL) = (attendance_recorded_at IS NULL)),
        CONSTRAINT rapport_invitations_person_key UNIQUE (rapport_id, person_id)
      )`);
    await q.query(`CREATE INDEX rapport_invitations_person_idx ON rapport_invitations (person_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rapport_invitations`);
    await q.query(`DROP TABLE rapports`);
    await q.query(`DROP TABLE rapport_series`);
  }
}
