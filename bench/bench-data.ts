// The bench data set shared by the benchmarks that need developments (bench/developments.bench.ts,
// bench/http.bench.ts): agencies B-1..B-15 with one liaison each, 40 districts, 300 places and `rows`
// developments over two years with a realistic share of restricted records.
import pg from 'pg';
import type { DataSource } from 'typeorm';


export async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('bench')) throw new Error(`Refusing to drop "${name}": the bench database's name must contain "bench".`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
}

/** Everything set-based (INSERT ... SELECT FROM generate_series): about a minute for a million rows. */
export async function loadDevelopments(ds: DataSource, rows: number): Promise<void> {
  await ds.query(`
    INSERT INTO agencies (name, kind, code)
    SELECT 'Bench-Behörde ' || g, (ARRAY['police','public_order_office','youth_office','drug_help','streetwork','street_cleaning'])[1 + g % 6], 'B-' || g
    FROM generate_series(1, 15) g`);
  await ds.query(`
    INSERT INTO people (agency_id, email, display_name, roles, password_hash)
    SELECT id, lower(code) || '@bench.invalid', 'Bench ' || code, '{liaison}', 'x' FROM agencies`);
  // 40 districts: an 8 x 5 grid over the default city box.
  await ds.query(`
    INSERT INTO districts (name, code, boundary, min_lat, max_lat, min_lon, max_lon)
    SELECT 'Bezirk ' || i, 'D' || i,
           jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
             jsonb_build_array(lo, la), jsonb_build_array(lo + 0.04375, la), jsonb_build_array(lo + 0.04375, la + 0.04),
             jsonb_build_array(lo, la + 0.04), jsonb_build_array(lo, la)))),
           la, la + 0.04, lo, lo + 0.04375
    FROM (SELECT i, 51.25 + 0.04 * (i / 8) AS la, 12.2 + 0.04375 * (i % 8) AS lo FROM generate_series(0, 39) i) x`);
  // 300 places: 60 particularly sensitive, 160 scene places, 80 others, spread over the districts.
  await ds.query(`
    INSERT INTO places (name, kind, sensitive_kind, lat, lon, district_id)
    SELECT 'Ort ' || i, k, CASE WHEN k = 'sensitive' THEN (ARRAY['kindergarten','school','playground','youth_facility'])[1 + i % 4] END,
           d.min_lat + random() * 0.04, d.min_lon + random() * 0.04375, d.id
    FROM (SELECT i, CASE WHEN i % 5 = 0 THEN 'sensitive' WHEN i % 15 IN (1, 2, 3, 4) THEN 'other' ELSE 'scene' END AS k FROM generate_series(0, 299) i) x
    JOIN districts d ON d.code = 'D' || (x.i % 40)`);

  const t0 = performance.now();
  const batch = 100_000;
  for (let start = 0; start < rows; start += batch) {
    // The inner SELECT fixes each row's random picks once (a subquery with volatile functions is
    // not flattened), so that place, coordinates and district stay consistent. Each batch is the
    // next slice of the two years, inserted in time order: a real table grows chronologically, so
    // its heap is clustered by observed_at (a random order would make every range scan worst-case).
    // created_at follows observed_at by a few hours.
    await ds.query(`
      WITH p AS (SELECT array_agg(id ORDER BY name) AS id, array_agg(lat ORDER BY name) AS lat, array_agg(lon ORDER BY name) AS lon,
                        array_agg(district_id ORDER BY name) AS district FROM places),
           s AS (SELECT array_agg(id ORDER BY name) AS id FROM places WHERE kind = 'sensitive'),
           a AS (SELECT array_agg(a.id ORDER BY a.code) AS id, array_agg(pe.id ORDER BY a.code) AS person FROM agencies a JOIN people pe ON pe.agency_id = a.id)
      INSERT INTO developments (category, observed_at, place_id, lat, lon, district_id, count, substances, severity, description,
                                reporting_agency_id, reporter_id, visibility, visible_agency_ids, nearest_sensitive_place_id,
                                nearest_sensitive_distance_m, withdrawn_at, created_at)
      SELECT CASE WHEN r.c < 0.25 THEN 'syringe_finds' WHEN r.c < 0.50 THEN 'complaint' WHEN r.c < 0.60 THEN 'dealing'
                  WHEN r.c < 0.75 THEN 'public_consumption' WHEN r.c < 0.80 THEN 'camping' WHEN r.c < 0.88 THEN 'aggression_violence'
                  WHEN r.c < 0.89 THEN 'new_scene' WHEN r.c < 0.95 THEN 'enforcement_action' ELSE 'other' END,
             r.observed,
             CASE WHEN r.atplace THEN p.id[r.pi] END,
             p.lat[r.pi] + CASE WHEN r.atplace THEN 0 ELSE r.jlat END,
             p.lon[r.pi] + CASE WHEN r.atplace THEN 0 ELSE r.jlon END,
             p.district[r.pi],
             CASE WHEN r.c < 0.25 THEN 1 + (r.n * 20)::int END,
             CASE (r.n * 4)::int % 4 WHEN 0 THEN ARRAY['heroin'] WHEN 1 THEN ARRAY['crack'] WHEN 2 THEN ARRAY['crack', 'heroin'] ELSE '{}'::text[] END,
             1 + (r.sev * 5)::int % 5,
             (ARRAY['Spritzen im Gebüsch am Spielplatzrand gefunden', 'Beschwerde von Anwohnenden über Lärm am Abend',
                    'Ansammlung vor dem Eingang, Verunreinigung', 'Konsum an der Sitzgruppe beobachtet',
                    'Schlaflager unter der Brücke errichtet', 'Kontrollen durchgeführt, Platzverweise ausgesprochen'])[1 + (r.n * 6)::int % 6]
               || ' (' || r.g || ')',
             a.id[r.ai], a.person[r.ai],
             CASE WHEN r.v < 0.80 THEN 'all' WHEN r.v < 0.92 THEN 'agencies' ELSE 'own_agency' END,
             CASE WHEN r.v >= 0.80 AND r.v < 0.92 THEN ARRAY[a.id[1 + (r.ai + 1) % 15], a.id[1 + (r.ai + 4) % 15]] ELSE '{}'::uuid[] END,
             CASE WHEN r.near < 0.10 THEN s.id[1 + (r.near * 600)::int % 60] END,
             CASE WHEN r.near < 0.10 THEN (r.near * 2000)::int END,
             CASE WHEN r.w < 0.01 THEN r.observed + interval '2 days' END,
             r.observed + interval '3 hours'
      FROM (SELECT g, 1 + (random() * 299)::int AS pi, random() AS c, random() < 0.7 AS atplace, (random() - 0.5) * 0.003 AS jlat,
                   (random() - 0.5) * 0.004 AS jlon, random() AS n, random() AS sev, 1 + (random() * 14)::int AS ai, random() AS v,
                   random() AS near, random() AS w,
                   now() - interval '730 days' + ($3::float8 + random() * $4::float8) * interval '730 days' AS observed
            FROM generate_series($1::int, $2::int) g) r, p, s, a
      ORDER BY r.observed`, [start + 1, Math.min(start + batch, rows), start / rows, Math.min(batch, rows - start) / rows]);
    process.stdout.write(`\r  loaded ${Math.min(start + batch, rows).toLocaleString('en')} developments`);
  }
  process.stdout.write(` in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  // VACUUM too: it sets the visibility map that index-only scans need; autovacuum keeps it set on
  // a live table, a freshly loaded one would otherwise look worse than production ever does.
  await ds.query('VACUUM ANALYZE');
}
