// `npm run build` and the build step of `npm start`: TypeScript to dist/, incrementally
// (dist/.tsbuildinfo), and a stamp (dist/.build-stamp) whose time is the moment the build began,
// so that `npm start` can tell in milliseconds whether anything changed since. The web interface
// (apps/web) is built by Vite into dist/web with a stamp of its own, only when its sources changed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

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

/**
 * The newest modification under a path: [mtimeMs, path]. Directories count too (a deleted or
 * renamed file changes its directory).
 */
function newestEntry(path, skip = []) {
  if (!existsSync(path) || skip.includes(path)) return [0, path];
  const st = statSync(path);
  let max = [st.mtimeMs, path];
  if (!st.isDirectory()) return max;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    const sub = newestEntry(join(path, e.name), skip);
    if (sub[0] > max[0]) max = sub;
  }
  return max;
}

/** Why dist/ needs a TypeScript build (a sentence), or null when it is current (the web interface aside). */
export function buildReason() {
  if (!existsSync(STAMP) || !existsSync(join(ROOT, 'dist', 'apps', 'all-in-one', 'main.js'))) return 'dist/ is not built';
  return changedSince(STAMP, [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestEntry(join(ROOT, p), [WEB])));
}

/** Why dist/web needs a build, or null: missing, or older than apps/web (its tests aside) or the installed packages. */
export function webBuildReason() {
  if (!existsSync(WEB_STAMP) || !existsSync(join(WEB_OUT, 'index.html'))) return 'dist/web is not built';
  return changedSince(WEB_STAMP, [newestEntry(WEB, [WEB_TESTS]), ...['package.json', 'package-lock.json'].map((p) => newestEntry(join(ROOT, p)))]);
}

function changedSince(stampFile, entries) {
  const built = statSync(stampFile).mtimeMs;
  const [mtime, path] = entries.reduce((a, b) => (b[0] > a[0] ? b : a));
  if (mtime <= built) return null;
  return `${relative(ROOT, path) || '.'} changed at ${new Date(mtime).toISOString()}, after ${relative(ROOT, stampFile)} (${new Date(built).toISOString()})`;
}

export const buildNeeded = () => buildReason() !== null;
export const webBuildNeeded = () => webBuildReason() !== null;

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
  precompressWeb(WEB_OUT);
  stamp(WEB_STAMP, began);
  return 0;
}

/** What compresses well: the fonts (woff2) and images are compressed already. */
const PRECOMPRESSED = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build, at the strongest levels
 * (once per build, not per request): the API serves them to browsers that ask for br or gzip
 * (@fastify/static preCompressed, apps/api/src/web/web-app.ts). Only where it is smaller.
 */
function precompressWeb(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      precompressWeb(path);
      continue;
    }
    if (!PRECOMPRESSED.test(e.name)) continue;
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) writeFileSync(`${path}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
  }
}

/** The scripts index.html loads at once (entry and module preloads), gzip-compressed, in KB. */
export function initialJsGzipKb() {
  const html = readFileSync(join(WEB_OUT, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(WEB_OUT, f)), { level: 9 }).length, 0) / 1024;
}

/**
 * `node scripts/build.mjs --check`: builds nothing; exits 1 and says what changed when dist/ or
 * dist/web is older than its sources. Tests that start `npm start` check this first, so that no
 * test ever rebuilds dist/web (vite empties it) while other suites serve it.
 */
function check() {
  const reasons = [buildReason(), webBuildReason()].filter(Boolean);
  for (const r of reasons) process.stdout.write(`build needed: ${r}\n`);
  return reasons.length ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(process.argv.includes('--check') ? check() : build());
