import { runMigrations } from 'bullmq';
import pg from 'pg';
import { AppConfig } from '#config/app-config.js';

/**
 * With no REDIS_URL, BullMQ keeps its jobs in PostgreSQL (schema "bullmq"). Its tables come from
 * BullMQ's own migrations, which take their own advisory lock; they run with ours at start.
 */
export async function migrateQueueSchema(config: Pick<AppConfig, 'REDIS_URL' | 'databaseUrl'>): Promise<void> {
  if (config.REDIS_URL) return;
  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    await runMigrations(client, 'bullmq');
  } finally {
    await client.end();
  }
}
