import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvSchema } from './env.schema.js';

/** Raised when the environment is incomplete or malformed; the message names each variable. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validated, typed configuration. Built once per process by loadConfig(). */
export class AppConfig extends EnvSchema {
  /** true when no DATABASE_URL is given: PGlite in-process, queue on the same database. */
  embedded!: boolean;
  /** Effective Postgres URL (for the embedded mode it is filled in once PGlite listens). */
  databaseUrl!: string;
  jwtSecret!: string;
  demoData!: boolean;
  /** Whether /api/docs is served: API_DOCS, or by default everywhere but in production. */
  apiDocs!: boolean;
  /**
   * How reminder mail leaves: over SMTP_URL; as .eml files in mailOutboxDir (MAIL_OUTBOX, by
   * default in the embedded mode without SMTP_URL); or not at all (a server without SMTP_URL: mail
   * reminders fail with SMTP_NOT_CONFIGURED, visible in the failed list, and the start log warns).
   */
  mailDelivery!: 'smtp' | 'outbox' | 'none';
  /** DATA_DIR/outbox-mail */
  mailOutboxDir!: string;
}

export interface LoadConfigOptions {
  /** The API/worker apps cannot share an in-process database: they need DATABASE_URL. */
  requireServerDatabase?: boolean;
}

export function loadConfig(env: Record<string, string | undefined> = process.env, options: LoadConfigOptions = {}): AppConfig {
  const known = Object.keys(new EnvSchema());
  const raw: Record<string, string> = {};
  for (const key of [...known, 'DATABASE_URL', 'REDIS_URL', 'DEMO_DATA', 'API_DOCS', 'JWT_SECRET', 'SMTP_URL', 'MAIL_OUTBOX', 'MAP_TILE_URL', 'MAP_TILE_ATTRIBUTION']) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = plainToInstance(EnvSchema, raw, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { whitelist: false });
  const problems = errors.map((e) => {
    const got = raw[e.property] === undefined ? 'not set' : `got "${e.property.includes('SECRET') || e.property === 'SMTP_URL' ? '***' : raw[e.property]}"`;
    return `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (${got})`;
  });
  const embedded = !parsed.DATABASE_URL;
  if (embedded && options.requireServerDatabase) {
    problems.push('DATABASE_URL: required when the API and the worker run as separate processes (npm run start:api / start:worker); `npm start` runs both on the embedded database without it');
  }
  if (!embedded && !parsed.JWT_SECRET && parsed.NODE_ENV !== 'test') {
    problems.push('JWT_SECRET: required with DATABASE_URL, a random string of at least 32 characters (not set)');
  }
  // The demo city's people share one published password: never on a production database.
  if (parsed.NODE_ENV === 'production' && parsed.DEMO_DATA === true) {
    problems.push('DEMO_DATA: must not be true when NODE_ENV=production (the demo logins share a published password); remove DEMO_DATA or set it to false');
  }
  if (parsed.CITY_MIN_LAT >= parsed.CITY_MAX_LAT) problems.push('CITY_MIN_LAT: must be below CITY_MAX_LAT');
  if (parsed.CITY_MIN_LON >= parsed.CITY_MAX_LON) problems.push('CITY_MIN_LON: must be below CITY_MAX_LON');
  if (parsed.MAIL_OUTBOX === true && parsed.SMTP_URL) problems.push('MAIL_OUTBOX: cannot be true together with SMTP_URL; choose one way for mail to leave');
  const [leadershipAfter, coordinatorsAfter] = parsed.REMINDER_ESCALATE_AFTER_DAYS.split(',').map((x) => Number(x.trim()));
  if (leadershipAfter === coordinatorsAfter) problems.push('REMINDER_ESCALATE_AFTER_DAYS: the two values must differ (leadership first, then the coordinators)');
  if (problems.length) throw new ConfigError(problems);

  const config = Object.assign(new AppConfig(), parsed);
  config.embedded = embedded;
  config.databaseUrl = parsed.DATABASE_URL ?? '';
  config.demoData = parsed.DEMO_DATA ?? (embedded && parsed.NODE_ENV !== 'production');
  config.apiDocs = parsed.API_DOCS ?? parsed.NODE_ENV !== 'production';
  config.DATA_DIR = resolve(parsed.DATA_DIR);
  config.PUBLIC_URL = parsed.PUBLIC_URL.replace(/\/+$/, '');
  config.mailDelivery = parsed.SMTP_URL ? 'smtp' : (parsed.MAIL_OUTBOX ?? embedded) ? 'outbox' : 'none';
  config.mailOutboxDir = join(config.DATA_DIR, 'outbox-mail');
  config.jwtSecret = parsed.JWT_SECRET ?? (embedded ? embeddedSecret(config.DATA_DIR) : randomBytes(32).toString('hex'));
  return config;
}

/** The embedded mode keeps its signing key beside its data, so that sessions survive a restart. */
function embeddedSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
