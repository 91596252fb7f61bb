import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor, hasRole } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
import { preparedQuery } from '../common/prepared-query.js';
import { checkVersion } from '../common/version-check.js';
import { applyVisibility } from '../developments/development-visibility.js';
import { Development } from '../developments/development.entity.js';
import { District } from '../places/district.entity.js';
import { Place } from '../places/place.entity.js';
import { RapportsService, type ExtendedRapportInput, type RapportView, loadRapportViews } from '../rapports/rapports.service.js';
import { escalationReadCondition } from './escalation-access.js';
import type { EscalationReason, EscalationStatus } from './escalation-enums.js';
import { Escalation } from './escalation.entity.js';
import { planEscalationReminders } from '../notifications/rules/escalation-reminders.js';

export interface RaiseEscalationInput {
  reason: EscalationReason;
  /** Free text: never logged, never in a job payload or an audit value. */
  text: string;
  developmentIds: string[];
}

/** An escalation as one reader may see it: the linked developments narrowed to what they may see. */
export interface EscalationView {
  escalation: Escalation;
  developments: Development[];
  /** For a rule's proposal: the district or place it concerns. */
  scope: { kind: 'district' | 'place'; id: string; name: string } | null;
}

/** An open escalation on the dashboard. */
export interface OpenEscalationRef {
  id: string;
  reason: EscalationReason;
  status: EscalationStatus;
  createdAt: Date;
}

/** The most developments one escalation links: named by hand, or the newest of a rule's window. */
export const MAX_LINKED_DEVELOPMENTS = 100;

@Injectable()
export class EscalationsService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly audit: AuditService, private readonly rapports: RapportsService) {}

  /**
   * A coordinator or a liaison raises an escalation. Every named development must be one the raiser
   * may see and not withdrawn: one they may not see gets the same 422 as one that does not exist.
   */
  async raise(actor: Actor, input: RaiseEscalationInput): Promise<EscalationView> {
    if (!hasRole(actor, 'coordinator', 'liaison')) {
      throw new DomainError(403, 'ROLE_REQUIRED', 'Only coordinators and liaisons raise an escalation.', undefined, { requiredRoles: ['coordinator', 'liaison'] });
    }
    const ids = [...new Set(input.developmentIds)];
    return this.db.transaction(async (m) => {
      const qb = m.getRepository(Development).createQueryBuilder('d').select('d.id', 'id')
        .where('d.id = ANY(CAST(:ids AS uuid[]))', { ids }).andWhere('d.withdrawn_at IS NULL');
      const found = new Set((await applyVisibility(qb, 'd', actor).getRawMany<{ id: string }>()).map((r) => r.id));
      const unknown = ids.filter((id) => !found.has(id));
      if (unknown.length) {
        const what = unknown.length === 1 ? `The development ${unknown[0]} does not exist or you may not see it.` : `These developments do not exist or you may not see them: ${unknown.join(', ')}.`;
        throw new DomainError(422, 'DEVELOPMENT_NOT_FOUND', what, 'developmentIds', { unknown });
      }
      const e = m.create(Escalation, {
        reason: input.reason, text: input.text.trim(), status: 'proposed', raisedBy: actor.id, raisedByAgencyId: actor.agencyId,
        ruleId: null, scopeId: null, dismissedBy: null, dismissedAt: null, dismissalReason: null,
      });
      await m.save(e);
      await linkDevelopments(m, e.id, ids);
      // The linked ids stay out of the trail: its readers may not see every development.
      await this.audit.record(m, actor, 'create', 'escalation', e.id, AuditService.diff(null, { ...e }, ['reason', 'status', 'text'], ['text']));
      await planEscalationReminders(m, e.id);
      return this.view(m, actor, e.id);
    });
  }

  async get(viewer: Actor, id: string): Promise<EscalationView> {
    return this.db.transaction((m) => this.view(m, viewer, id));
  }

  async list(viewer: Actor, filter: { status?: EscalationStatus }, page: PageRequest): Promise<Page<EscalationView>> {
    const cond = escalationReadCondition(viewer);
    if (!cond) return { items: [], nextCursor: null };
    const qb = this.db.getRepository(Escalation).createQueryBuilder('e')
      .leftJoinAndSelect('e.raiser', 'raiser').leftJoinAndSelect('e.raiserAgency', 'raiserAgency').leftJoinAndSelect('e.rule', 'rule')
      .where(cond.sql, cond.params);
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    const result = await paginate(qb, page, { createdAt: { sql: 'e.created_at', type: 'timestamptz' } }, { sql: 'e.id', type: 'uuid' });
    return this.db.transaction(async (m) => ({ items: await this.decorate(m, viewer, result.items), nextCursor: result.nextCursor }));
  }

  /** A coordinator turns a proposal down, with a reason; only a proposed escalation can be dismissed. */
  async dismiss(actor: Actor, id: string, reason: string, expectedVersion: number | undefined): Promise<EscalationView> {
    return this.db.transaction(async (m) => {
      const e = await m.findOne(Escalation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!e) throw DomainError.notFound('escalation');
      await checkVersion(e.version, expectedVersion, () => this.view(m, actor, id));
      if (e.status !== 'proposed') {
        throw new DomainError(409, 'ESCALATION_NOT_OPEN', `This escalation is ${e.status}; only a proposed escalation can be dismissed.`, 'status', { currentStatus: e.status });
      }
      e.status = 'dismissed';
      e.dismissedAt = new Date();
      e.dismissedBy = actor.id;
      e.dismissalReason = reason.trim();
      await m.save(e);
      await this.audit.record(m, actor, 'update', 'escalation', id, { status: { old: 'proposed', new: 'dismissed' }, dismissalReason: { changed: true } });
      await planEscalationReminders(m, id);
      return this.view(m, actor, id);
    });
  }

  /**
   * A coordinator convenes the extended rapport for a proposed escalation: the meeting is created and
   * convened at once (RapportsService.createExtended), and the escalation becomes convened and links
   * to it. One transaction: a refusal (409 for an escalation no longer proposed, 422 for a meeting in
   * the past or an unknown agency) stores nothing.
   */
  async convene(actor: Actor, id: string, input: ExtendedRapportInput, expectedVersion: number | undefined, now: Date = new Date()): Promise<RapportView> {
    return this.db.transaction(async (m) => {
      const e = await m.findOne(Escalation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!e) throw DomainError.notFound('escalation');
      await checkVersion(e.version, expectedVersion, () => this.view(m, actor, id));
      if (e.status !== 'proposed') {
        throw new DomainError(409, 'ESCALATION_NOT_OPEN', `This escalation is ${e.status}; only a proposed escalation can be convened.`, 'status', { currentStatus: e.status });
      }
      const r = await this.rapports.createExtended(m, actor, input, now);
      e.status = 'convened';
      e.rapportId = r.id;
      await m.save(e);
      await this.audit.record(m, actor, 'update', 'escalation', id, { status: { old: 'proposed', new: 'convened' }, rapportId: { new: r.id } });
      await planEscalationReminders(m, id);
      return (await loadRapportViews(m, [r.id]))[0]!;
    });
  }

  /** The open (proposed or convened) escalations the viewer may read: how many, and the newest few. */
  async openSummary(viewer: Actor, limit: number): Promise<{ count: number; newest: OpenEscalationRef[] }> {
    const cond = escalationReadCondition(viewer);
    if (!cond) return { count: 0, newest: [] };
    // One prepared statement (issue 11: read on every dashboard): the window count is taken before the LIMIT.
    const [sql, values] = this.db.driver.escapeQueryWithParameters(
      `SELECT e.id, e.reason, e.status, e.created_at AS "createdAt", count(*) OVER ()::int AS count
         FROM escalations e
        WHERE e.status IN ('proposed','convened') AND ${cond.sql}
        ORDER BY e.created_at DESC, e.id DESC
        LIMIT :limit`,
      { ...cond.params, limit },
    );
    const rows = await preparedQuery<OpenEscalationRef & { count: number }>(this.db, sql, values);
    return { count: rows[0]?.count ?? 0, newest: rows.map(({ id, reason, status, createdAt }) => ({ id, reason, status, createdAt })) };
  }

  private async view(m: EntityManager, viewer: Actor, id: string): Promise<EscalationView> {
    const cond = escalationReadCondition(viewer);
    if (!cond) throw DomainError.notFound('escalation');
    const e = await m.getRepository(Escalation).createQueryBuilder('e')
      .leftJoinAndSelect('e.raiser', 'raiser').leftJoinAndSelect('e.raiserAgency', 'raiserAgency').leftJoinAndSelect('e.rule', 'rule')
      .where('e.id = :id', { id }).andWhere(cond.sql, cond.params).getOne();
    if (!e) throw DomainError.notFound('escalation');
    return (await this.decorate(m, viewer, [e]))[0]!;
  }

  /**
   * Adds to each escalation the linked developments the viewer may see (and nothing about the
   * others, not even how many) and the name of a rule proposal's scope. Reads of restricted
   * developments are audited, as everywhere.
   */
  private async decorate(m: EntityManager, viewer: Actor, escalations: Escalation[]): Promise<EscalationView[]> {
    if (!escalations.length) return [];
    const qb = m.getRepository(Development).createQueryBuilder('d')
      .innerJoin('escalation_developments', 'ed', 'ed.development_id = d.id')
      .addSelect('ed.escalation_id', 'esc_id')
      .leftJoinAndSelect('d.place', 'place').leftJoinAndSelect('d.district', 'district').leftJoinAndSelect('d.reportingAgency', 'agency')
      .where('ed.escalation_id = ANY(CAST(:eids AS uuid[]))', { eids: escalations.map((e) => e.id) })
      .orderBy('d.observed_at', 'DESC').addOrderBy('d.id', 'DESC');
    applyVisibility(qb, 'd', viewer);
    const { entities, raw } = await qb.getRawAndEntities();
    const byEscalation = new Map<string, Development[]>();
    // One development can be linked to several escalations: raw rows carry the pairing.
    const devById = new Map(entities.map((d) => [d.id, d]));
    for (const r of raw as Array<{ d_id: string; esc_id: string }>) {
      const d = devById.get(r.d_id);
      if (d) byEscalation.set(r.esc_id, [...(byEscalation.get(r.esc_id) ?? []), d]);
    }
    const restricted = entities.filter((d) => d.visibility !== 'all');
    if (restricted.length) await this.audit.recordMany(m, viewer, 'read', 'development', restricted.map((d) => ({ entityId: d.id, changes: { visibility: { new: d.visibility } } })));

    const scopeIds = [...new Set(escalations.map((e) => e.scopeId).filter((s): s is string => !!s))];
    const scopes = new Map<string, { kind: 'district' | 'place'; id: string; name: string }>();
    if (scopeIds.length) {
      for (const d of await m.getRepository(District).createQueryBuilder('x').where('x.id = ANY(CAST(:ids AS uuid[]))', { ids: scopeIds }).getMany()) scopes.set(d.id, { kind: 'district', id: d.id, name: d.name });
      for (const p of await m.getRepository(Place).createQueryBuilder('x').where('x.id = ANY(CAST(:ids AS uuid[]))', { ids: scopeIds }).getMany()) scopes.set(p.id, { kind: 'place', id: p.id, name: p.name });
    }
    return escalations.map((e) => ({ escalation: e, developments: byEscalation.get(e.id) ?? [], scope: e.scopeId ? scopes.get(e.scopeId) ?? null : null }));
  }
}

export async function linkDevelopments(m: EntityManager, escalationId: string, developmentIds: string[]): Promise<void> {
  if (!developmentIds.length) return;
  await m.query(
    `INSERT INTO escalation_developments (escalation_id, development_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [escalationId, developmentIds],
  );
}
