import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { AppLogger } from '#config/logger.js';
import { PGliteServer } from './pglite-server.js';

export interface EmbeddedDatabase {
  url: string;
  /** The loopback port it listens on (the URL also holds the password: do not log that). */
  port: number;
  stop(): Promise<void>;
}

/**
 * The zero-config database: PGlite, file-backed under DATA_DIR/pgdata, served on a loopback port
 * (PGliteServer) so that TypeORM and BullMQ use their normal pg driver and the normal migrations.
 * The port takes only a password made anew at each start and kept in this process's memory, so
 * another local user or process cannot walk in as the database superuser.
 */
export async function startEmbeddedDatabase(dataDir: string, logger?: AppLogger): Promise<EmbeddedDatabase> {
  const dir = join(dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  // PGlite ignores connection-time options (search_path) and all connections share its one
  // session: set it once so that BullMQ's functions in the bullmq schema are found (STACK.md).
  await db.exec('CREATE SCHEMA IF NOT EXISTS bullmq; SET search_path TO public, bullmq;');
  const password = randomBytes(24).toString('hex');
  const server = new PGliteServer(db, { password, logger });
  const port = await server.listen('127.0.0.1', 0);
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`;
  let stopped = false;
  return {
    url,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      // Without a clean close, PGlite replays its WAL and sequences jump after a kill (STACK.md).
      await db.close();
    },
  };
}
