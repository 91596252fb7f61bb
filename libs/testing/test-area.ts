import type { DataSource } from 'typeorm';

/**
 * A square of the city that one test has to itself. The suites share one database, and the
 * suite must pass when it runs again on the same database (issue 7): names and codes are made
 * unique, but the city is finite, so places, district boundaries and developments from an earlier
 * run would again lie where a test puts its own and decide its nearest sensitive place, its
 * district or its counts. Cells are therefore handed out from a sequence in the test database
 * (unique across parallel suites and runs), and what earlier runs left in a cell is retired
 * (districts and places deactivated, developments withdrawn) before the cell is used again.
 *
 * The grid lies in the west of the city box (lon 12.14..12.30, inside the 5 km margin), away from
 * the demo city (lon >= 12.31) and from the fixed points of the other suites (lon >= 12.37).
 */
export interface TestArea {
  /** The centre. */
  lat: number;
  lon: number;
  /** Half the cell's height and width in degrees: everything within belongs to this test. */
  halfLat: number;
  halfLon: number;
  /** A point dx/dy metres east/north of the centre (at most about 600 m either way). */
  at(dxM: number, dyM: number): { lat: number; lon: number };
}

const ROWS = 15;
const COLS = 8;
const MIN_LAT = 51.255;
const MIN_LON = 12.14;
const STEP_LAT = 0.0126; // ~1.4 km
const STEP_LON = 0.02; // ~1.39 km at this latitude
const M_PER_DEG_LAT = 111_195;

let ready: Promise<void> | undefined;

function ensureSequence(db: DataSource): Promise<void> {
  // Two suites may start at once: the advisory lock makes CREATE ... IF NOT EXISTS race-free.
  ready ??= db.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('test_area_seq'))`);
    await m.query(`CREATE SEQUENCE IF NOT EXISTS test_area_seq`);
  });
  return ready;
}

export async function claimTestArea(db: DataSource): Promise<TestArea> {
  await ensureSequence(db);
  const [{ n }] = (await db.query(`SELECT nextval('test_area_seq')::int AS n`)) as Array<{ n: number }>;
  const i = (n - 1) % (ROWS * COLS);
  const halfLat = STEP_LAT / 2;
  const halfLon = STEP_LON / 2;
  const lat = MIN_LAT + halfLat + STEP_LAT * (i % ROWS);
  const lon = MIN_LON + halfLon + STEP_LON * Math.floor(i / ROWS);
  const box = [lat - halfLat, lat + halfLat, lon - halfLon, lon + halfLon];
  await db.transaction(async (m) => {
    await m.query(
      `UPDATE districts SET active = false
        WHERE active AND boundary IS NOT NULL AND NOT (max_lat < $1 OR min_lat > $2 OR max_lon < $3 OR min_lon > $4)`, box);
    await m.query(`UPDATE places SET active = false WHERE active AND lat BETWEEN $1 AND $2 AND lon BETWEEN $3 AND $4`, box);
    await m.query(
      `UPDATE developments SET withdrawn_at = now(), withdrawn_by = reporter_id, withdrawal_reason = 'left by an earlier test run'
        WHERE withdrawn_at IS NULL AND lat BETWEEN $1 AND $2 AND lon BETWEEN $3 AND $4`, box);
  });
  const at = (dxM: number, dyM: number) => ({ lat: lat + dyM / M_PER_DEG_LAT, lon: lon + dxM / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)) });
  return { lat, lon, halfLat, halfLon, at };
}
