// `npm start`: builds only when a source changed since the last build (a restart takes the
// app's own start time, not a TypeScript build; the web interface is rebuilt only when apps/web
// changed), then runs API and worker in this process.
import { build, buildNeeded, buildWeb, webBuildNeeded } from './build.mjs';

if (buildNeeded()) {
  process.stdout.write('Sources changed since the last build: building (TypeScript)...\n');
  const status = build();
  if (status !== 0) process.exit(status);
} else if (webBuildNeeded()) {
  const status = buildWeb();
  if (status !== 0) process.exit(status);
}
await import('../dist/apps/all-in-one/main.js');
