// `npm run bench`: loads 1,000,000 developments (two years, 40 districts, 300 places) into a
// separate database and measures the read paths that must stay fast as the data grows: the
// filtered list's first page, a year of weekly trends, and the "near a sensitive place" list.
// Goes through the real services (visibility, audit of restricted reads included), not raw SQL.
import 'reflect-metadata';
import { loadDevelopments, recreateDatabase } from './bench-data.js';
import { benchConfig, measure, RUNS, WARMUP } from './bench-kit.js';
import { DataSource } from 'typeorm';
import { prepareDatabase } from '#database/prepare-database.js';
import { dataSourceOptions } from '#database/typeorm-options.js';
import { AuditEntry } from '#domain/audit/audit-entry.entity.js';
import { AuditService } from '#domain/audit/audit.service.js';
import type { Actor } from '#domain/common/actor.js';
import { type CountSource, trendBuckets, trendRows } from '#domain/developments/development-day-counts.js';
import { DevelopmentTrendsService } from '#domain/developments/development-trends.service.js';
import { DevelopmentsService } from '#domain/developments/developments.service.js';
import { GeoLookupService } from '#domain/places/geo-lookup.service.js';
import { JobProducer } from '#queue/job-producer.js';
import { QueueBackend } from '#queue/queue-backend.js';

const URL_ = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_bench';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DAY = 24 * 3600 * 1000;

async function main() {
  const config = benchConfig(URL_);
  const skipLoad = process.env.BENCH_SKIP_LOAD === '1';
  if (!skipLoad) {
    console.log(`Recreating ${new URL(URL_).pathname.slice(1)} and running the migrations ...`);
    await recreateDatabase(URL_);
  }
  await prepareDatabase(config);
  const ds = new DataSource(dataSourceOptions(config));
  await ds.initialize();
  try {
    if (!skipLoad) await loadDevelopments(ds, ROWS);
    const audit = new AuditService(ds.getRepository(AuditEntry));
    const developments = new DevelopmentsService(ds, audit, new GeoLookupService(config), config, new JobProducer(new QueueBackend(config)));
    const trends = new DevelopmentTrendsService(ds);
    // A liaison of an agency that is named on part of the restricted rows: the predicate's every branch matters.
    const [who] = await ds.query(`SELECT p.id, p.agency_id AS "agencyId" FROM people p JOIN agencies a ON a.id = p.agency_id WHERE a.code = 'B-3'`);
    const viewer: Actor = { id: who.id, agencyId: who.agencyId, roles: ['liaison'], accessConfirmed: true };
    const [district] = await ds.query(`SELECT id FROM districts WHERE code = 'D17'`);
    const now = new Date();
    const page = { limit: 50, sort: 'observedAt', order: 'desc' as const };
    const cityYear = { from: new Date(now.getTime() - 365 * DAY), to: now, interval: 'week' as const, groupBy: 'district' as const, measure: 'reports' as const, filter: {} };
    // A write to a development the viewer sees invalidates their cached trends: this makes every
    // timed run a cold one. Visible to all, so that it moves the viewer's signal whatever the data
    // (a write to another agency's restricted row does not, and the run would read the cache).
    const touch = () => ds.query(`UPDATE developments SET severity = severity WHERE id = (SELECT id FROM developments WHERE visibility = 'all' ORDER BY id LIMIT 1)`);
    // The counts alone, without the service's cache: from the rollup per scope and from the day counts (issue 11), and counted
    // from developments as every trend was before (the same query).
    const cityYearRows = (source: CountSource) => ds.transaction('REPEATABLE READ', async (m) =>
      trendRows(m, viewer, cityYear, await trendBuckets(m, cityYear.from, cityYear.to, cityYear.interval), source));
    // Issue 11: after a write, every open view asks at once; single flight makes it one computation.
    const concurrent = (k: number) => () => Promise.all(Array.from({ length: k }, () => trends.trends(viewer, cityYear)));
    const results = [
      await measure('list: district + category + last 90 days, first page', () =>
        developments.list(viewer, { districtId: district.id, categories: ['syringe_finds'], from: new Date(now.getTime() - 90 * DAY) }, page)),
      await measure('list: whole city, first page (default sort)', () => developments.list(viewer, {}, page)),
      await measure('list: near a sensitive place, first page', () => developments.list(viewer, { nearSensitiveOnly: true }, page)),
      await measure('trends: whole city, one year by week, repeated (cached)', () => trends.trends(viewer, cityYear)),
      await measure('trends: whole city, one year by week, after a change', () => trends.trends(viewer, cityYear), touch),
      await measure('trends: one district, one year by week, after a change', () =>
        trends.trends(viewer, { ...cityYear, filter: { districtId: district.id } }), touch),
      await measure('trends: 16 at once, whole city, year by week, after a change', concurrent(16), touch),
      await measure('trend counts: whole city year by week, from the rollup', () => cityYearRows('bucket_counts')),
      await measure('trend counts: whole city year by week, from day counts', () => cityYearRows('day_counts')),
      await measure('trend counts: whole city year by week, from developments', () => cityYearRows('developments')),
    ];
    const [{ c }] = await ds.query('SELECT count(*)::int AS c FROM development_day_counts');
    const [{ b }] = await ds.query('SELECT count(*)::int AS b FROM development_bucket_counts');
    console.log(`\n${c.toLocaleString('en')} rows in development_day_counts, ${b.toLocaleString('en')} in development_bucket_counts`);
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM developments');
    console.log(`\n${n.toLocaleString('en')} developments, ${RUNS} runs each after ${WARMUP} warm-up runs (ms):\n`);
    console.log(`${'query'.padEnd(60)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`);
    for (const r of results) console.log(`${r.name.padEnd(60)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
