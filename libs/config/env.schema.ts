import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) ? true
    : ['0', 'false', 'no', 'off'].includes(value.toLowerCase()) ? false : value : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toNum = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;

/**
 * The one environment schema. Every variable the product reads is declared here with its default;
 * README.md lists the same table. Nothing else reads process.env (see loadConfig).
 */
export class EnvSchema {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Absent: the embedded database (PGlite under DATA_DIR) is used. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Absent: BullMQ runs on its PostgreSQL backend in the same database. */
  @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsString()
  DATA_DIR = './data';

  @Transform(toBool) @IsBoolean()
  MIGRATIONS_RUN = true;

  /** Load the fictional demo city into an empty database. Default: on in embedded mode only; refused in production. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  DEMO_DATA?: boolean;

  /** Serve the API documentation (/api/docs, /api/docs/openapi.json). Default: on, off in production. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  API_DOCS?: boolean;

  /**
   * Compare every answer written by a compiled response serializer with JSON.stringify of the same
   * value; a difference is logged and answered 500 (apps/api/src/common/response-schemas.ts). For
   * the test runs (scripts/test.mjs sets it): it costs a second serialisation per answer.
   */
  @Transform(toBool) @IsBoolean()
  SERIALIZER_CHECK = false;

  /** Required with DATABASE_URL; in embedded mode a random secret is kept under DATA_DIR. */
  @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsString()
  JWT_ISSUER = 'drogenrapport';

  @IsString()
  JWT_AUDIENCE = 'drogenrapport-api';

  @Transform(toInt) @IsInt() @Min(30) @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /**
   * How long an API process may reuse a positive session check (person active, session alive,
   * roles); 0 checks the database on every request. Any change to them ends the reuse at once
   * through PostgreSQL LISTEN/NOTIFY (issue 11); this is only the upper bound.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(60)
  SESSION_CACHE_SECONDS = 10;

  /** Most session checks an API process keeps (the oldest go first). */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  SESSION_CACHE_SIZE = 10_000;

  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @Transform(toInt) @IsInt() @Min(1) @Max(10000)
  LOGIN_MAX_FAILURES_PER_IP = 30;

  @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  LOGIN_LOCK_MINUTES = 15;

  /** Number of reverse-proxy hops to trust for the client IP (0 = none). */
  @Transform(toInt) @IsInt() @Min(0) @Max(5)
  TRUST_PROXY_HOPS = 0;

  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';

  @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  HEARTBEAT_INTERVAL_SECONDS = 60;

  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  WORKER_CONCURRENCY = 4;

  /** Prefix for queue keys in Redis / schema for the Postgres queue backend. */
  @Matches(/^[a-z_][a-z0-9_]{0,40}$/, { message: 'must be lower-case letters, digits and _' })
  QUEUE_PREFIX = 'drogenrapport';

  /** Reminders (issue 9): how often the scan enqueues due reminders and repairs the queue (also after a Redis FLUSHALL). */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  REMINDER_SCAN_SECONDS = 15;

  /** A reminder claimed ('sending') for longer than this is taken to be orphaned by a dead worker and goes back to pending. */
  @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  REMINDER_LEASE_SECONDS = 120;

  /** Delivery attempts before a reminder is failed (coordinators see and retry failed ones). */
  @Transform(toInt) @IsInt() @Min(1) @Max(20)
  REMINDER_MAX_ATTEMPTS = 5;

  /** First retry after this long; doubled per attempt, at most one hour. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  REMINDER_RETRY_SECONDS = 30;

  /** Delivered more than this long after its due time: marked late. */
  @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  REMINDER_LATE_AFTER_SECONDS = 120;

  /** A due-time bucket's job claims, renders and writes due inbox reminders this many at a time. */
  @Transform(toInt) @IsInt() @Min(1) @Max(500)
  REMINDER_BATCH_SIZE = 200;

  /**
   * Map tiles for the web interface's maps, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png.
   * Off by default: inside a city network there is often no tile server, and the maps show the
   * districts and points over a neutral background. The tile host is added to the page's CSP.
   */
  @IsOptional() @Matches(/^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/\S*\{z\}\S*$/, { message: 'must be an https URL template with {z}, {x} and {y}' })
  MAP_TILE_URL?: string;

  /** The attribution the tile provider requires (shown on the map), e.g. "© OpenStreetMap contributors". */
  @IsOptional() @IsString()
  MAP_TILE_ATTRIBUTION?: string;

  /** Radius for "near a particularly sensitive place" (issue 3). */
  @Transform(toInt) @IsInt() @Min(10) @Max(5000)
  SENSITIVE_PLACE_RADIUS_M = 200;

  /** City area: developments outside this box (plus CITY_MARGIN_KM) are refused. Default: the demo city. */
  @Transform(toNum) @IsNumber() @Min(-90) @Max(90)
  CITY_MIN_LAT = 51.25;
  @Transform(toNum) @IsNumber() @Min(-90) @Max(90)
  CITY_MAX_LAT = 51.45;
  @Transform(toNum) @IsNumber() @Min(-180) @Max(180)
  CITY_MIN_LON = 12.2;
  @Transform(toNum) @IsNumber() @Min(-180) @Max(180)
  CITY_MAX_LON = 12.55;
  @Transform(toNum) @IsNumber() @Min(0) @Max(100)
  CITY_MARGIN_KM = 5;

  /** Where people open the product: makes the links in mails and webhooks absolute. */
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'must be an http:// or https:// URL without query, e.g. https://drogenrapport.example.de' })
  PUBLIC_URL = 'http://127.0.0.1:3000';

  /** SMTP server for reminder mail, e.g. smtp://user:pass@mail.example.de:587 (smtps:// for implicit TLS). */
  @IsOptional() @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString() @MinLength(3)
  MAIL_FROM = 'Drogenrapport <drogenrapport@localhost>';

  /**
   * Write mails as .eml files under DATA_DIR/outbox-mail/ instead of sending them. Default: on in
   * the embedded mode without SMTP_URL, off otherwise.
   */
  @IsOptional() @Transform(toBool) @IsBoolean()
  MAIL_OUTBOX?: boolean;

  /** An agency webhook that has not answered within this many seconds counts as unreachable (retried). */
  @Transform(toInt) @IsInt() @Min(1) @Max(60)
  WEBHOOK_TIMEOUT_SECONDS = 5;

  /** Reminders (issue 9): days before a measure's or milestone's deadline (1 = "due tomorrow"), comma-separated. */
  @Matches(/^\s*[1-9]\d{0,2}\s*(,\s*[1-9]\d{0,2}\s*)*$/, { message: 'must be comma-separated whole days from 1, e.g. 7,1' })
  REMINDER_DAYS_BEFORE = '7,1';

  /** Days an overdue measure waits before it goes to the owning agency's leadership, then to the coordinators. */
  @Matches(/^\s*[1-9]\d{0,2}\s*,\s*[1-9]\d{0,2}\s*$/, { message: 'must be two different comma-separated whole days from 1, e.g. 7,14' })
  REMINDER_ESCALATE_AFTER_DAYS = '7,14';

  /** The Berlin hour at which reminders "at 08:00" and the daily mail digest go out. */
  @Transform(toInt) @IsInt() @Min(0) @Max(23)
  REMINDER_HOUR = 8;
}
