// `npm run bench:measures`: 50,000 measures with history, milestones and key figures on top of the
// 1,000,000 developments of bench/developments.bench.ts (same database, drogenrapport_bench), then
// p50/p95 of the leadership dashboard and of one measure's key figures (with the displacement
// watch). Goes through the real services (visibility, cache of evaluations), not raw SQL.
//
// The developments are loaded by the developments bench (its loader is not exported): when the
// database holds fewer than BENCH_ROWS developments, this script runs the compiled
// developments.bench.js once (BENCH_RUNS=1) to load them, then adds the measures. Later runs reuse
// both (BENCH_RELOAD_MEASURES=1 reloads the measures).
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { benchConfig, measure, RUNS, WARMUP } from './bench-kit.js';
import { DataSource } from 'typeorm';
import { prepareDatabase } from '#database/prepare-database.js';
import { dataSourceOptions } from '#database/typeorm-options.js';
import { AuditEntry } from '#domain/audit/audit-entry.entity.js';
import { AuditService } from '#domain/audit/audit.service.js';
import type { Actor } from '#domain/common/actor.js';
import { KeyFiguresService } from '#domain/key-figures/key-figures.service.js';
import { addDays, berlinToday } from '#domain/common/berlin-time.js';
import { MeasureDashboardService } from '#domain/measures/measure-dashboard.service.js';
import { MeasuresService } from '#domain/measures/measures.service.js';
import { JobProducer } from '#queue/job-producer.js';
import { QueueBackend } from '#queue/queue-backend.js';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_bench';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const MEASURES = Number(process.env.BENCH_MEASURES ?? 50_000);
/** Share of (not cancelled) measures with a key figure; a third of those with a circle (displacement watch). */
const KEY_FIGURE_SHARE = Number(process.env.BENCH_KEY_FIGURE_SHARE ?? 0.1);

async function count(url: string, table: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const r = await c.query(`SELECT count(*)::int AS n FROM ${table}`);
    return r.rows[0].n as number;
  } catch {
    return 0;
  } finally {
    await c.end().catch(() => undefined);
  }
}

function loadDevelopments(): void {
  const script = fileURLToPath(new URL('./developments.bench.js', import.meta.url));
  console.log(`Fewer than ${ROWS.toLocaleString('en')} developments in the bench database: loading them with ${script} ...`);
  const r = spawnSync(process.execPath, [script], { stdio: 'inherit', env: { ...process.env, BENCH_RUNS: '1' } });
  if (r.status !== 0) throw new Error('the developments bench failed to load the data');
}

/** Set-based, like the developments bench: a few seconds for 50,000 measures and their history. */
async function loadMeasures(ds: DataSource): Promise<void> {
  const t0 = performance.now();
  await ds.query('TRUNCATE key_figure_evaluations, key_figures, milestones, measure_events, measures');
  // A deputy per agency (the developments bench has one person per agency).
  await ds.query(`
    INSERT INTO people (agency_id, email, display_name, roles, password_hash)
    SELECT a.id, lower(a.code) || '-deputy@bench.invalid', 'Vertretung ' || a.code, '{liaison}', 'x' FROM agencies a
    WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.email = lower(a.code) || '-deputy@bench.invalid')`);
  await ds.query(`
    WITH a AS (SELECT array_agg(a.id ORDER BY a.code) AS id, array_agg(pe.id ORDER BY a.code) AS person, array_agg(dp.id ORDER BY a.code) AS deputy
                 FROM agencies a
                 JOIN people pe ON pe.agency_id = a.id AND pe.email = lower(a.code) || '@bench.invalid'
                 JOIN people dp ON dp.agency_id = a.id AND dp.email = lower(a.code) || '-deputy@bench.invalid'),
         p AS (SELECT array_agg(id ORDER BY name) AS id, array_agg(district_id ORDER BY name) AS district FROM places),
         r AS (SELECT array_agg(gen_random_uuid()) AS id FROM generate_series(1, 30))
    INSERT INTO measures (title, description, owning_agency_id, responsible_id, deputy_id, start_date, deadline, priority, status, status_reason,
                          completion_note, status_changed_at, completed_at, place_ids, district_ids, rapport_id, created_by, created_at, updated_at)
    SELECT 'Bench-Maßnahme ' || x.g, 'Vereinbart im Drogenrapport (' || x.g || ')',
           a.id[x.ai], a.person[x.ai], CASE WHEN x.dep < 0.6 THEN a.deputy[x.ai] END,
           x.start, x.start + x.dur,
           (ARRAY['low','normal','normal','high','urgent'])[1 + floor(x.pr * 5)::int],
           x.status,
           CASE WHEN x.status IN ('blocked','cancelled') THEN 'Begründung ' || x.g END,
           CASE WHEN x.status = 'done' THEN 'Umgesetzt ' || x.g END,
           x.start::timestamptz + interval '2 days',
           CASE WHEN x.status = 'done' THEN least(now(), (x.start + (x.dur * x.pr)::int)::timestamptz + interval '10 hours') END,
           CASE WHEN x.loc < 0.7 THEN ARRAY[p.id[x.pi]] ELSE '{}'::uuid[] END,
           CASE WHEN x.loc >= 0.5 THEN ARRAY[p.district[x.pi]] ELSE '{}'::uuid[] END,
           CASE WHEN x.rr < 0.8 THEN r.id[1 + floor(x.rr * 30 / 0.8)::int] END,
           a.person[1], x.start::timestamptz, x.start::timestamptz + interval '2 days'
      FROM (SELECT g, 1 + floor(random() * 15)::int AS ai, random() AS dep, random() AS pr, random() AS loc, random() AS rr, 1 + floor(random() * 300)::int AS pi,
                   current_date - (random() * 400)::int AS start, 14 + (random() * 180)::int AS dur,
                   CASE WHEN s < 0.25 THEN 'planned' WHEN s < 0.60 THEN 'in_progress' WHEN s < 0.85 THEN 'done' WHEN s < 0.92 THEN 'blocked' ELSE 'cancelled' END AS status
              FROM (SELECT g, random() AS s FROM generate_series(1, $1::int) g) s) x, a, p, r
     ORDER BY x.start`, [MEASURES]);
  // History: created, the status changes that led to the current status, and progress notes.
  await ds.query(`INSERT INTO measure_events (measure_id, at, actor_id, kind, changes) SELECT id, created_at, created_by, 'created', '{"status": {"new": "planned"}}' FROM measures`);
  await ds.query(`
    INSERT INTO measure_events (measure_id, at, actor_id, kind, changes)
    SELECT id, created_at + interval '2 days', responsible_id, 'status_changed', '{"status": {"old": "planned", "new": "in_progress"}}' FROM measures WHERE status IN ('in_progress','done','blocked')`);
  await ds.query(`
    INSERT INTO measure_events (measure_id, at, actor_id, kind, changes, note)
    SELECT id, status_changed_at + interval '1 day', CASE WHEN status = 'cancelled' THEN created_by ELSE responsible_id END, 'status_changed',
           jsonb_build_object('status', jsonb_build_object('old', CASE WHEN status = 'cancelled' THEN 'planned' ELSE 'in_progress' END, 'new', status)),
           coalesce(status_reason, completion_note)
      FROM measures WHERE status IN ('done','blocked','cancelled')`);
  await ds.query(`
    INSERT INTO measure_events (measure_id, at, actor_id, kind, note)
    SELECT m.id, m.created_at + k * interval '5 days', m.responsible_id, 'progress_note', 'Zwischenstand ' || k
      FROM measures m CROSS JOIN generate_series(1, 3) k WHERE random() < 0.5`);
  await ds.query(`
    INSERT INTO milestones (measure_id, title, due_date, done, done_at)
    SELECT m.id, 'Meilenstein ' || k, m.start_date + k * 14, d, CASE WHEN d THEN m.created_at + k * interval '12 days' END
      FROM measures m CROSS JOIN generate_series(1, 3) k CROSS JOIN LATERAL (SELECT random() < 0.5 AS d) r WHERE random() < 0.5`);
  // Key figures: syringe finds (and consumption) at the measure's place, or within 300 m of it.
  await ds.query(`
    INSERT INTO key_figures (measure_id, name, categories, place_ids, center_lat, center_lon, radius_m, buffer_factor, period, baseline_periods,
                             target_kind, target_value, target_date)
    SELECT m.id, 'Kennzahl ' || m.title, CASE WHEN x.c < 0.5 THEN ARRAY['syringe_finds'] ELSE ARRAY['syringe_finds','public_consumption'] END,
           CASE WHEN x.circle THEN '{}'::uuid[] ELSE ARRAY[pl.id] END,
           CASE WHEN x.circle THEN pl.lat END, CASE WHEN x.circle THEN pl.lon END, CASE WHEN x.circle THEN 300 END, 2,
           CASE WHEN x.c < 0.8 THEN 'week' ELSE 'month' END, 3, 'percent', -30, m.start_date + 120
      FROM measures m
      JOIN LATERAL (SELECT random() AS c, random() < 1.0 / 3 AS circle, random() AS pick) x ON true
      JOIN LATERAL (SELECT id, lat, lon FROM places WHERE id = coalesce(m.place_ids[1], (SELECT id FROM places ORDER BY name OFFSET (x.pick * 299)::int LIMIT 1))) pl ON true
     WHERE m.status <> 'cancelled' AND random() < $1::float8`, [KEY_FIGURE_SHARE]);
  await ds.query('VACUUM ANALYZE measures, measure_events, milestones, key_figures, key_figure_evaluations, people');
  const [n] = await ds.query(`SELECT (SELECT count(*) FROM measures)::int AS m, (SELECT count(*) FROM measure_events)::int AS e,
                                     (SELECT count(*) FROM milestones)::int AS ms, (SELECT count(*) FROM key_figures)::int AS k`);
  console.log(`  loaded ${n.m.toLocaleString('en')} measures, ${n.e.toLocaleString('en')} history entries, ${n.ms.toLocaleString('en')} milestones, ${n.k.toLocaleString('en')} key figures in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function main() {
  const config = benchConfig(URL_);
  if ((await count(URL_, 'developments')) < ROWS * 0.99) loadDevelopments();
  await prepareDatabase(config);
  const ds = new DataSource(dataSourceOptions(config));
  await ds.initialize();
  try {
    const existing = Number((await ds.query('SELECT count(*)::int AS n FROM measures'))[0].n);
    if (existing < MEASURES || process.env.BENCH_RELOAD_MEASURES === '1') {
      console.log(`Loading ${MEASURES.toLocaleString('en')} measures ...`);
      await loadMeasures(ds);
    }
    const audit = new AuditService(ds.getRepository(AuditEntry));
    const keyFigures = new KeyFiguresService(ds, audit, config);
    // No worker runs here: refresh jobs the dashboard asks for just wait in the queue.
    const queues = new QueueBackend(config);
    const dashboard = new MeasureDashboardService(ds, keyFigures, new JobProducer(queues));
    const measures = new MeasuresService(ds, audit);
    // A leader of an agency that is named on part of the restricted developments (as in the developments bench).
    const [who] = await ds.query(`SELECT p.id, p.agency_id AS "agencyId" FROM people p JOIN agencies a ON a.id = p.agency_id WHERE a.code = 'B-3' AND p.email = 'b-3@bench.invalid'`);
    const viewer: Actor = { id: who.id, agencyId: who.agencyId, roles: ['leadership', 'coordinator'], accessConfirmed: true };

    // The probe: a measure that started eight weeks ago at the busiest place, with a key figure on
    // the place and one on a circle around it (displacement watch, rest of the city as control).
    const [busy] = await ds.query(`SELECT p.id, p.lat, p.lon, p.district_id AS "districtId" FROM places p JOIN developments d ON d.place_id = p.id
                                    WHERE d.category = 'syringe_finds' GROUP BY p.id ORDER BY count(*) DESC LIMIT 1`);
    const today = berlinToday();
    const probe = await measures.create(viewer, {
      title: 'Bench-Sonde: Präsenz am belebtesten Platz', owningAgencyId: who.agencyId, responsibleId: who.id, startDate: addDays(today, -56), deadline: addDays(today, 30), placeIds: [busy.id],
    });
    await keyFigures.add(viewer, probe.measure.id, { name: 'Spritzenfunde am Platz', categories: ['syringe_finds'], placeIds: [busy.id], targetKind: 'percent', targetValue: -50, targetDate: addDays(today, 60) });
    await keyFigures.add(viewer, probe.measure.id, {
      name: 'Spritzenfunde im Umkreis von 300 m', categories: ['syringe_finds'], point: { lat: busy.lat, lon: busy.lon, radiusM: 300 }, targetKind: 'percent', targetValue: -50, targetDate: addDays(today, 60),
    });

    // Fill the viewer agency's evaluation cache once (what the dashboard reads), and time it.
    const ids: Array<{ id: string }> = await ds.query(`SELECT k.id FROM key_figures k JOIN measures m ON m.id = k.measure_id WHERE m.status <> 'cancelled'`);
    const tFill = performance.now();
    for (let i = 0; i < ids.length; i += 50) await keyFigures.refreshEvaluations(viewer, ids.slice(i, i + 50).map((x) => x.id));
    const fillMs = performance.now() - tFill;
    console.log(`  evaluated ${ids.length.toLocaleString('en')} key figures for the viewer's agency in ${(fillMs / 1000).toFixed(1)} s (${(fillMs / ids.length).toFixed(1)} ms each)`);

    const [district] = await ds.query(`SELECT id FROM districts WHERE code = 'D17'`);
    const [rapport] = await ds.query(`SELECT rapport_id AS id FROM measures WHERE rapport_id IS NOT NULL GROUP BY rapport_id ORDER BY count(*) DESC LIMIT 1`);
    const page = { limit: 50, sort: 'deadline', order: 'asc' as const };
    const results = [
      await measure('dashboard: whole city (cache warm)', () => dashboard.dashboard(viewer, {})),
      await measure('dashboard: one district', () => dashboard.dashboard(viewer, { districtId: district.id })),
      await measure('dashboard: one rapport', () => dashboard.dashboard(viewer, { rapportId: rapport.id })),
      await measure("one measure's key figures (place + circle with displacement)", () => keyFigures.evaluateMeasure(viewer, probe.measure.id)),
      await measure('measures list: overdue, first page', () => measures.list({ overdue: true }, page)),
      await measure('measure history: first page', () => measures.history(probe.measure.id, { limit: 50, sort: 'id', order: 'asc' })),
      // Live conditions: a development changes before every call, so every key-figure result is
      // stale; the dashboard answers with the last results and refreshes in the background.
      await measure('dashboard: whole city, a development changed before each call', () => dashboard.dashboard(viewer, {}),
        () => ds.query(`UPDATE developments SET updated_at = now() WHERE id = (SELECT id FROM developments ORDER BY observed_at DESC LIMIT 1)`)),
    ];
    const [n] = await ds.query(`SELECT (SELECT count(*) FROM developments)::int AS d, (SELECT count(*) FROM measures)::int AS m, (SELECT count(*) FROM key_figures)::int AS k,
                                       (SELECT count(*) FROM measure_events)::int AS e`);
    console.log(`\n${n.d.toLocaleString('en')} developments, ${n.m.toLocaleString('en')} measures, ${n.e.toLocaleString('en')} history entries, ${n.k.toLocaleString('en')} key figures; ${RUNS} runs each after ${WARMUP} warm-up runs (ms):\n`);
    console.log(`${'query'.padEnd(64)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`);
    for (const r of results) console.log(`${r.name.padEnd(64)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}`);
    const dash = results[0]!;
    console.log(`\nTarget: dashboard p95 < 50 ms: ${dash.p95 < 50 ? 'met' : 'NOT met'} (${dash.p95.toFixed(1)} ms).`);
    await queues.onApplicationShutdown();
    // The probe stays out of later runs' numbers.
    await ds.query(`DELETE FROM key_figures WHERE measure_id = $1`, [probe.measure.id]);
    await ds.query(`ALTER TABLE measure_events DISABLE TRIGGER measure_events_no_change`);
    await ds.query(`DELETE FROM measure_events WHERE measure_id = $1`, [probe.measure.id]);
    await ds.query(`ALTER TABLE measure_events ENABLE TRIGGER measure_events_no_change`);
    await ds.query(`DELETE FROM measures WHERE id = $1`, [probe.measure.id]);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
