// `npm start`: builds only when a source changed since the last build (a restart takes the
// app's own start time, not a TypeScript build), then runs API and worker in this process.
import { build, buildNeeded } from './build.mjs';

if (buildNeeded()) {
  process.stdout.write('Sources changed since the last build: building (TypeScript)...\n');
  const status = build();
  if (status !== 0) process.exit(status);
}
await import('../dist/apps/all-in-one/main.js');
