import pg from 'pg';
// Shared by the benchmarks: the timing loop and the config they run with.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AppConfig, loadConfig } from '#config/app-config.js';

export const RUNS = Number(process.env.BENCH_RUNS ?? 200);
export const WARMUP = 20;

export interface Timing {
  name: string;
  p50: number;
  p95: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** WARMUP untimed runs, then RUNS timed ones; `before` runs untimed ahead of each timed run. */
export async function measure(name: string, fn: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (before) await before();
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { name, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]! };
}

export function benchConfig(databaseUrl: string): AppConfig {
  return loadConfig({
    DATABASE_URL: databaseUrl, JWT_SECRET: randomBytes(32).toString('hex'), DEMO_DATA: 'false', LOG_LEVEL: 'error', QUEUE_PREFIX: 'drbench',
    ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL } : {}),
  });
}

/** Creates the bench database when it does not exist yet (its name must contain "bench"). */
export async function createDatabaseIfMissing(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('bench')) throw new Error(`Refusing to use "${name}": the bench database's name must contain "bench".`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE "${name}"`).catch((err: { code?: string }) => {
      if (err.code !== '42P04') throw err; // exists
    });
  } finally {
    await c.end();
  }
}
