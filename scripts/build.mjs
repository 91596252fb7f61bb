// `npm run build` and the build step of `npm start`: TypeScript to dist/, incrementally
// (dist/.tsbuildinfo), and a stamp (dist/.build-stamp) whose time is the moment the build began,
// so that `npm start` can tell in milliseconds whether anything changed since.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(ROOT, 'dist', '.build-stamp');
const SOURCE_DIRS = ['apps', 'libs', 'migrations', 'bench'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.build.json'];

/** Newest modification time under a path; directories count too (a deleted or renamed file changes its directory). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(path, { withFileTypes: true })) max = Math.max(max, newest(join(path, e.name)));
  return max;
}

/** true when dist/ is missing or older than any source, package.json or tsconfig. */
export function buildNeeded() {
  if (!existsSync(STAMP) || !existsSync(join(ROOT, 'dist', 'apps', 'all-in-one', 'main.js'))) return true;
  const built = statSync(STAMP).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((p) => newest(join(ROOT, p)) > built);
}

export function build() {
  const began = new Date();
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--incremental', '--tsBuildInfoFile', join(ROOT, 'dist', '.tsbuildinfo')], { stdio: 'inherit' });
  if (r.status !== 0) return r.status ?? 1;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(STAMP, `${began.toISOString()}\n`);
  utimesSync(STAMP, began, began);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(build());
