import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { Agency } from '../../agencies/agency.entity.js';
import { AuditService } from '../../audit/audit.service.js';
import { hasRole, type Actor } from '../../common/actor.js';
import { DomainError } from '../../common/domain-error.js';
import { checkVersion } from '../../common/version-check.js';
import { AgencyWebhook } from '../agency-webhook.entity.js';

export interface WebhookInput {
  url: string;
  active?: boolean;
}

/** A webhook as its managers see it; `secret` only right after it was made (creation, rotation). */
export interface WebhookView {
  webhook: AgencyWebhook;
  secret?: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An agency's webhook (issue 9): admins manage every agency's, an agency's leadership their own
 * agency's (it is their chat tool and their secret); nobody else, not even coordinators: the
 * webhook carries the agency's reminders out of the product. The secret is made by the server
 * (32 random bytes, hex), shown once when created or rotated, never again, never logged and in
 * the audit trail only as "changed". Deactivating or deleting a webhook withdraws its pending
 * deliveries in the same transaction.
 */
@Injectable()
export class AgencyWebhooksService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly audit: AuditService, private readonly config: AppConfig) {}

  async get(actor: Actor, agencyId: string): Promise<AgencyWebhook> {
    await this.assertManager(this.db.manager, actor, agencyId);
    const hook = await this.db.getRepository(AgencyWebhook).findOneBy({ agencyId });
    if (!hook) throw notFound();
    return hook;
  }

  /** Creates (no version needed; the secret comes back) or replaces url/active (the version read is required). */
  async put(actor: Actor, agencyId: string, input: WebhookInput, expectedVersion: number | undefined): Promise<WebhookView> {
    return this.db.transaction(async (m) => {
      await this.assertManager(m, actor, agencyId);
      const url = checkWebhookUrl(input.url, this.config.NODE_ENV === 'test');
      const existing = await m.findOne(AgencyWebhook, { where: { agencyId }, lock: { mode: 'pessimistic_write' } });
      if (!existing) {
        const secret = newSecret();
        const hook = m.create(AgencyWebhook, { agencyId, url, secret, active: input.active ?? true });
        await m.save(hook);
        await this.audit.record(m, actor, 'create', 'agency_webhook', agencyId, { ...AuditService.diff(null, { ...hook }, ['url', 'active']), secret: { changed: true } });
        return { webhook: await this.reload(m, agencyId), secret };
      }
      if (expectedVersion === undefined) {
        throw new DomainError(428, 'VERSION_REQUIRED', 'This agency already has a webhook: send the version you read (If-Match header or the body field version), so that no change made in the meantime is overwritten.', 'version');
      }
      await checkVersion(existing.version, expectedVersion, () => existing);
      const before = { ...existing };
      existing.url = url;
      existing.active = input.active ?? existing.active;
      const changes = AuditService.diff(before, { ...existing }, ['url', 'active']);
      if (!Object.keys(changes).length) return { webhook: existing };
      await m.save(existing);
      await this.audit.record(m, actor, 'update', 'agency_webhook', agencyId, changes);
      if (!existing.active) await withdrawPending(m, agencyId);
      return { webhook: await this.reload(m, agencyId) };
    });
  }

  /** A new secret, shown once; the old one stops working at once (deliveries in flight may still carry it). */
  async rotateSecret(actor: Actor, agencyId: string, expectedVersion: number | undefined): Promise<WebhookView> {
    return this.db.transaction(async (m) => {
      await this.assertManager(m, actor, agencyId);
      const existing = await m.findOne(AgencyWebhook, { where: { agencyId }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw notFound();
      await checkVersion(existing.version, expectedVersion, () => existing);
      const secret = newSecret();
      existing.secret = secret;
      await m.save(existing);
      await this.audit.record(m, actor, 'update', 'agency_webhook', agencyId, { secret: { changed: true } });
      return { webhook: await this.reload(m, agencyId), secret };
    });
  }

  async remove(actor: Actor, agencyId: string, expectedVersion: number | undefined): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.assertManager(m, actor, agencyId);
      const existing = await m.findOne(AgencyWebhook, { where: { agencyId }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw notFound();
      await checkVersion(existing.version, expectedVersion, () => existing);
      await withdrawPending(m, agencyId);
      await m.delete(AgencyWebhook, { agencyId });
      await this.audit.record(m, actor, 'delete', 'agency_webhook', agencyId, AuditService.diff({ url: existing.url, active: existing.active }, { url: null, active: null }, ['url', 'active']));
    });
  }

  private async assertManager(m: EntityManager, actor: Actor, agencyId: string): Promise<void> {
    const isAdmin = hasRole(actor, 'admin');
    if (!isAdmin && !(hasRole(actor, 'leadership') && actor.agencyId === agencyId)) {
      throw new DomainError(403, 'WEBHOOK_NOT_YOURS', "Only an admin or the agency's own leadership may manage its webhook.", 'id');
    }
    if (!(await m.existsBy(Agency, { id: agencyId }))) throw DomainError.notFound('agency');
  }

  private reload(m: EntityManager, agencyId: string): Promise<AgencyWebhook> {
    return m.findOneByOrFail(AgencyWebhook, { agencyId });
  }
}

/**
 * https only: the body and the signature would travel in clear otherwise. Plain http only to this
 * machine (a local bridge into a chat tool) and, with `plainHttpAnywhere`, in tests.
 */
export function checkWebhookUrl(raw: string, plainHttpAnywhere = false): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DomainError(400, 'WEBHOOK_URL_INVALID', 'The webhook address is not a valid URL (e.g. https://chat.example.de/hooks/abc).', 'url');
  }
  if (url.username || url.password) throw new DomainError(400, 'WEBHOOK_URL_INVALID', 'The webhook address must not contain a user name or password.', 'url');
  if (url.protocol === 'https:' || (url.protocol === 'http:' && (LOCAL_HOSTS.has(url.hostname) || plainHttpAnywhere))) return url.toString();
  throw new DomainError(400, 'WEBHOOK_URL_INSECURE', 'The webhook address must start with https:// (plain http only to localhost).', 'url');
}

function newSecret(): string {
  return randomBytes(32).toString('hex');
}

function notFound(): DomainError {
  return new DomainError(404, 'WEBHOOK_NOT_FOUND', 'This agency has no webhook.', 'id');
}

/** Deliveries that can no longer go anywhere: withdrawn, not failed (nobody should retry them). */
async function withdrawPending(m: EntityManager, agencyId: string): Promise<void> {
  await m.query(`UPDATE reminders SET state = 'withdrawn', next_attempt_at = NULL, updated_at = now() WHERE agency_id = $1 AND channel = 'webhook' AND state = 'pending'`, [agencyId]);
}
