// `npm start`: builds only when a source changed since the last build (a restart takes the
// app's own start time, not a TypeScript build; the web interface is rebuilt only when apps/web
// changed), then runs API and worker in this process.
import { build, buildReason, buildWeb, webBuildReason } from './build.mjs';

const reason = buildReason();
const webReason = webBuildReason();
if (reason) {
  process.stdout.write(`Building (TypeScript): ${reason}.\n`);
  const status = build();
  if (status !== 0) process.exit(status);
} else if (webReason) {
  process.stdout.write(`Building the web interface: ${webReason}.\n`);
  const status = buildWeb();
  if (status !== 0) process.exit(status);
}
await import('../dist/apps/all-in-one/main.js');
