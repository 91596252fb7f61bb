// Preloaded (`node --import`) into the API process that bench/http.bench.ts starts for its capture
// phase, never into the one it measures: appends every statement the process sends to PostgreSQL to
// BENCH_PG_CAPTURE_FILE, one JSON line each (text, parameters as pg sends them, which connection,
// start and end). The harness sends one request at a time and cuts the file at request boundaries,
// so it learns the statements the product runs per route today, whatever the services look like.
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export interface CapturedStatement {
  text: string;
  values: Array<string | null>;
  /** Which pooled connection ran it (1, 2, ... in order of first use): transactions stay on theirs. */
  client: number;
  start: number;
  end: number;
  rows: number;
}

const file = process.env.BENCH_PG_CAPTURE_FILE;
if (file) {
  type Query = (this: pg.Client, ...args: unknown[]) => unknown;
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  const ids = new WeakMap<object, number>();
  let nextId = 1;
  const prepare = (v: unknown): string | null => {
    const p = (pg as unknown as { utils: { prepareValue(v: unknown): unknown } }).utils.prepareValue(v);
    return p === null || p === undefined ? null : String(p);
  };
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args;
    const text = typeof config === 'string' ? config : (config as { text?: string })?.text;
    const params = Array.isArray(values) ? values : (config as { values?: unknown[] })?.values;
    const start = performance.now();
    if (!ids.has(this)) ids.set(this, nextId++);
    const client = ids.get(this)!;
    const record = (r: { rowCount?: number | null; rows?: unknown[] } | undefined) => {
      if (typeof text !== 'string') return;
      const line: CapturedStatement = { text, values: (params ?? []).map(prepare), client, start, end: performance.now(), rows: r?.rows?.length ?? r?.rowCount ?? 0 };
      appendFileSync(file, JSON.stringify(line) + '\n');
    };
    // pg.Pool#query hands the statement to its client with a callback (the product's prepared
    // statements take that path): record it when the callback is called.
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (err: unknown, r: { rowCount?: number | null; rows?: unknown[] } | undefined) => void;
      args[last] = (err: unknown, r: { rowCount?: number | null; rows?: unknown[] } | undefined) => {
        if (!err) record(r);
        callback(err, r);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (typeof text !== 'string' || !result || typeof (result as Promise<unknown>).then !== 'function') return result;
    return (result as Promise<{ rowCount?: number | null; rows?: unknown[] }>).then((r) => {
      record(r);
      return r;
    });
  };
}
