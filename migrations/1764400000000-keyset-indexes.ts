import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index per list order, matching paginate(): `ORDER BY col, id` (both ascending or both
 * descending, no NULLS LAST on NOT NULL columns) and the keyset `(col, id) < (:v, :id)`. A plain
 * `(col, id)` index serves both directions (read backwards for descending), and the row comparison
 * becomes its Index Cond, so that a deep page is one index range instead of a scan over all rows
 * before it (test/pagination.e2e-spec.ts checks the plan).
 * - The DESC NULLS LAST development indexes of 1763900000000 matched the old NULLS LAST order only.
 * - Filtered lists (district, place, reporting agency, category; audit by record or by actor; a
 *   measure's history) get the id in the key after the sort column, so that the filter plus the
 *   keyset is still one range.
 * - The audit list is sorted by (at, id) and filtered by entityId alone as often as with
 *   entityType, so its record index leads with entity_id.
 * - The master-data lists are small, but get their (col, id) indexes too, so that no list sorts.
 * Plain CREATE INDEX (not CONCURRENTLY): migrations run in a transaction (see 1763900000000).
 */
const INDEXES: Array<[name: string, definition: string, previous?: string]> = [
  ['developments_observed_idx', 'developments (observed_at, id)', 'developments (observed_at DESC NULLS LAST, id DESC)'],
  ['developments_created_idx', 'developments (created_at, id)', 'developments (created_at DESC NULLS LAST, id DESC)'],
  ['developments_severity_idx', 'developments (severity, id)'],
  ['developments_sensitive_idx', 'developments (observed_at, id) WHERE nearest_sensitive_place_id IS NOT NULL', 'developments (observed_at DESC NULLS LAST, id DESC) WHERE nearest_sensitive_place_id IS NOT NULL'],
  ['developments_district_idx', 'developments (district_id, observed_at, id) INCLUDE (category, place_id, visibility, reporting_agency_id, visible_agency_ids, withdrawn_at)',
    'developments (district_id, observed_at) INCLUDE (category, place_id, visibility, reporting_agency_id, visible_agency_ids, withdrawn_at)'],
  ['developments_place_idx', 'developments (place_id, observed_at, id)', 'developments (place_id, observed_at)'],
  ['developments_category_idx', 'developments (category, observed_at, id)', 'developments (category, observed_at)'],
  ['developments_agency_idx', 'developments (reporting_agency_id, observed_at, id)', 'developments (reporting_agency_id, observed_at)'],
  ['audit_entries_entity_idx', 'audit_entries (entity_id, at, id)', 'audit_entries (entity_type, entity_id, at)'],
  ['audit_entries_actor_idx', 'audit_entries (actor_id, at, id)', 'audit_entries (actor_id, at)'],
  ['measures_updated_idx', 'measures (updated_at, id)'],
  ['agencies_created_idx', 'agencies (created_at, id)'],
  ['districts_name_idx', 'districts (name, id)'],
  ['districts_created_idx', 'districts (created_at, id)'],
  ['places_name_idx', 'places (name, id)'],
  ['places_created_idx', 'places (created_at, id)'],
  ['places_updated_idx', 'places (updated_at, id)'],
  ['people_display_name_idx', 'people (display_name, id)'],
  ['people_created_idx', 'people (created_at, id)'],
];

export class KeysetIndexes1764400000000 implements MigrationInterface {
  name = 'KeysetIndexes1764400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, definition, previous] of INDEXES) {
      if (previous) await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON ${definition}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, , previous] of [...INDEXES].reverse()) {
      await q.query(`DROP INDEX ${name}`);
      if (previous) await q.query(`CREATE INDEX ${name} ON ${previous}`);
    }
  }
}
