import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '#config/app-config.js';
import { LOGGER, type AppLogger } from '#config/logger.js';
import type { AuthenticatedUser } from '#domain/auth/authenticated-user.js';
import { AccessTokenClaims, SessionsService } from '#domain/auth/sessions.service.js';

/** The channel the triggers of migration 1765830000000-session-access-notify send on. */
export const SESSION_ACCESS_CHANNEL = 'session_access';
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;

interface Entry {
  user: Readonly<AuthenticatedUser>;
  until: number;
}

/**
 * Positive session checks (person active, session alive, agency, roles, access confirmation),
 * reused for SESSION_CACHE_SECONDS so that an authenticated request needs no database round trip
 * of its own (issue 11). Denials are never kept.
 *
 * Every change to what a check reads sends a notification from a trigger, at commit
 * (`s:<session>` or `p:<person>`), and every API process LISTENs on its own connection: a logout,
 * revocation, deactivation, role, agency, access or password change in any process drops the
 * entries it concerns as soon as PostgreSQL delivers the notification. The cache is used only
 * while that connection listens: when it is lost everything is forgotten and every request goes
 * to the database until it listens again (notifications sent meanwhile were missed), and then
 * everything is forgotten once more.
 *
 * A check that was read from the database before a change committed must not be kept after the
 * change's notification was handled: every notification raises `generation`, and a check is
 * kept only when no notification arrived while it was read.
 *
 * The embedded mode listens through PGliteServer, which hands NOTIFY to the connections that
 * LISTEN (libs/database/pglite-server.ts), so it caches too.
 */
@Injectable()
export class SessionAccessCache implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private generation = 0;
  private client: pg.Client | undefined;
  private listening = false;
  private closed = false;
  private retryMs = RETRY_FIRST_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private waiting: Array<() => void> = [];
  private listens = 0;
  /** caughtUp() calls waiting for their own notification to come back. */
  private readonly syncs = new Map<string, () => void>();

  constructor(private readonly sessions: SessionsService, private readonly config: AppConfig, @Inject(LOGGER) private readonly logger: AppLogger) {
    this.ttlMs = config.SESSION_CACHE_SECONDS * 1000;
    this.maxEntries = config.SESSION_CACHE_SIZE;
  }

  /** Listens before the first request, so that the cache is on from the start. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.ttlMs > 0) await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.stopUsing();
    await client?.end().catch(() => undefined);
  }

  /** The signed-in person behind verified token claims; throws the 401 of SessionsService.resolveAccess. */
  async resolve(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    if (this.listening && typeof claims?.sid === 'string') {
      const hit = this.entries.get(claims.sid);
      if (hit && hit.until > Date.now() && hit.user.id === claims.sub) return hit.user;
      if (hit) this.entries.delete(claims.sid);
    }
    const generation = this.generation;
    const { user, sessionExpiresAt } = await this.sessions.resolveAccess(claims);
    if (this.listening && generation === this.generation) this.remember(user, sessionExpiresAt);
    return user;
  }

  /**
   * Resolves once this process has heard every change committed before the call: its own
   * notification comes back after them (PostgreSQL delivers in commit order). Routes that end or
   * narrow access wait for it before they answer (ChangesAccess), so that the next request to this
   * process is checked anew. Other processes hear the change as soon as PostgreSQL delivers it.
   */
  async caughtUp(): Promise<void> {
    const client = this.client;
    if (!this.listening || !client) return;
    const token = `sync:${randomUUID()}`;
    const heard = new Promise<void>((resolve) => this.syncs.set(token, resolve));
    try {
      await client.query('SELECT pg_notify($1, $2)', [SESSION_ACCESS_CHANNEL, token]);
    } catch {
      // The connection went: lost() forgot every check, which is as good.
      this.syncs.delete(token);
      return;
    }
    await heard;
  }

  /** Resolves once the cache listens on a connection started after `listensBefore` others (tests: a lost connection was replaced). */
  whenListening(listensBefore = 0): Promise<void> {
    return this.listening && this.listens > listensBefore ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  /** How many connections have listened so far. */
  get listenCount(): number {
    return this.listens;
  }

  private remember(user: AuthenticatedUser, sessionExpiresAt: Date): void {
    // One object serves many requests: frozen, so that no request can change another's view.
    Object.freeze(user.roles);
    this.entries.delete(user.sessionId);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(user.sessionId, { user: Object.freeze(user), until: Math.min(Date.now() + this.ttlMs, sessionExpiresAt.getTime()) });
  }

  private heard(payload: string | undefined): void {
    if (payload?.startsWith('sync:')) {
      // A caughtUp() of this or another process: nothing changed.
      this.syncs.get(payload)?.();
      this.syncs.delete(payload);
      return;
    }
    this.generation++;
    const id = payload?.slice(2) ?? '';
    if (payload?.startsWith('s:')) {
      this.entries.delete(id);
    } else if (payload?.startsWith('p:')) {
      for (const [sessionId, entry] of this.entries) if (entry.user.id === id) this.entries.delete(sessionId);
    } else {
      this.entries.clear();
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.databaseUrl, application_name: 'drogenrapport-session-access' });
    this.client = client;
    client.on('notification', (n) => {
      if (this.client === client) this.heard(n.payload);
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_ACCESS_CHANNEL}`);
    } catch (err) {
      this.lost(client, err);
      return;
    }
    if (this.client !== client) return;
    // Whatever changed while nobody listened was not heard.
    this.entries.clear();
    this.generation++;
    this.listening = true;
    this.listens++;
    this.retryMs = RETRY_FIRST_MS;
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  private lost(client: pg.Client, err?: unknown): void {
    if (this.client !== client) return;
    this.stopUsing();
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn({ err: { code: (err as { code?: string } | undefined)?.code, message: (err as Error | undefined)?.message }, retryMs: this.retryMs },
      'session cache: not listening to session changes; checking every request in the database until it listens again');
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private stopUsing(): void {
    this.client = undefined;
    this.listening = false;
    this.entries.clear();
    this.generation++;
    // Nothing is kept now, so whoever waits for a sync is caught up.
    for (const resolve of this.syncs.values()) resolve();
    this.syncs.clear();
  }
}
