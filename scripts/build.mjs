// `npm run build` and the build step of `npm start`: TypeScript to dist/, incrementally
// (dist/.tsbuildinfo), and a stamp (dist/.build-stamp) whose time is the moment the build began,
// so that `npm start` can tell in milliseconds whether anything changed since. The web interface
// (apps/web) is built by Vite into dist/web with a stamp of its own, only when its sources changed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(ROOT, 'dist', '.build-stamp');
const SOURCE_DIRS = ['apps', 'libs', 'migrations', 'bench'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.build.json'];
const WEB = join(ROOT, 'apps', 'web');
const WEB_OUT = join(ROOT, 'dist', 'web');
const WEB_STAMP = join(ROOT, 'dist', '.web-build-stamp');
/** The browser tests do not go into the build. */
const WEB_TESTS = join(WEB, 'browser-tests');
/** Initial JavaScript of the web interface, gzip (issue 10). */
export const WEB_JS_BUDGET_KB = 350;

/** Newest modification time under a path; directories count too (a deleted or renamed file changes its directory). */
function newest(path, skip = []) {
  if (!existsSync(path) || skip.includes(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(path, { withFileTypes: true })) max = Math.max(max, newest(join(path, e.name), skip));
  return max;
}

/** true when dist/ is missing or older than any source, package.json or tsconfig (the web interface aside). */
export function buildNeeded() {
  if (!existsSync(STAMP) || !existsSync(join(ROOT, 'dist', 'apps', 'all-in-one', 'main.js'))) return true;
  const built = statSync(STAMP).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((p) => newest(join(ROOT, p), [WEB]) > built);
}

/** true when dist/web is missing or older than apps/web (its tests aside) or the installed packages. */
export function webBuildNeeded() {
  if (!existsSync(WEB_STAMP) || !existsSync(join(WEB_OUT, 'index.html'))) return true;
  const built = statSync(WEB_STAMP).mtimeMs;
  return newest(WEB, [WEB_TESTS]) > built || ['package.json', 'package-lock.json'].some((p) => newest(join(ROOT, p)) > built);
}

function stamp(file, began) {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(file, `${began.toISOString()}\n`);
  utimesSync(file, began, began);
}

export function build() {
  const began = new Date();
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--incremental', '--tsBuildInfoFile', join(ROOT, 'dist', '.tsbuildinfo')], { stdio: 'inherit' });
  if (r.status !== 0) return r.status ?? 1;
  stamp(STAMP, began);
  return webBuildNeeded() ? buildWeb() : 0;
}

/** Type-checks apps/web, bundles it with Vite into dist/web and prints the initial JavaScript's gzip size. */
export function buildWeb() {
  const began = new Date();
  process.stdout.write('Building the web interface (Vite)...\n');
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(WEB, 'tsconfig.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) return tsc.status ?? 1;
  const vite = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit' });
  if (vite.status !== 0) return vite.status ?? 1;
  const kb = initialJsGzipKb();
  process.stdout.write(`Web interface built into dist/web: initial JavaScript ${kb.toFixed(1)} KB gzip (budget ${WEB_JS_BUDGET_KB} KB).\n`);
  if (kb > WEB_JS_BUDGET_KB) {
    process.stderr.write(`The initial JavaScript of the web interface is over its budget of ${WEB_JS_BUDGET_KB} KB gzip: load the heavy parts lazily.\n`);
    return 1;
  }
  stamp(WEB_STAMP, began);
  return 0;
}

/** The scripts index.html loads at once (entry and module preloads), gzip-compressed, in KB. */
export function initialJsGzipKb() {
  const html = readFileSync(join(WEB_OUT, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(WEB_OUT, f)), { level: 9 }).length, 0) / 1024;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(build());
