import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
import { assertActiveReferences } from '../common/references.js';
import { preparedQuery } from '../common/prepared-query.js';
import { checkVersion } from '../common/version-check.js';
import { MEASURE_STATUSES, type MeasureStatus } from '../measures/measure-status.js';
import { Person } from '../people/person.entity.js';
import type { Role } from '../people/role.js';
import { assertReadsRapport, rapportReadCondition } from './rapport-access.js';
import { generateAgenda } from './agenda.service.js';
import { Answer, Attendance, RapportInvitation } from './rapport-invitation.entity.js';
import { agencyRefs, type AgencyRef } from './rapport-series.service.js';
import { assertRapportTransition, isUpcoming, RapportStatus } from './rapport-status.js';
import { Rapport } from './rapport.entity.js';
import { ensureUpcomingMeeting } from './series-schedule.js';
import { planRapportReminders } from '../notifications/rules/rapport-reminders.js';

export interface RapportFilter {
  seriesId?: string;
  status?: RapportStatus[];
  from?: Date;
  to?: Date;
}

export interface RapportPatch {
  title?: string;
  location?: string;
  startsAt?: Date;
  endsAt?: Date;
}

/** The moves of the status route; minutes_published makes the minutes read-only (MinutesService). */
export const STATUS_ROUTE_TARGETS = ['convened', 'held', 'minutes_published', 'cancelled'] as const;
export type StatusRouteTarget = (typeof STATUS_ROUTE_TARGETS)[number];

export interface RapportStatusInput {
  status: StatusRouteTarget;
  /** Required for cancelled (free text). */
  reason?: string;
  /** On convene: people invited by name besides the participating agencies' liaisons. */
  personIds?: string[];
}

/** An extended rapport, convened at once from an escalation (EscalationsService.convene). */
export interface ExtendedRapportInput {
  title: string;
  /** Free text: never logged, only marked as changed in the audit trail. */
  goal: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  agencyIds: string[];
}

/** An extended rapport on the leadership dashboard, with its measures (measures.rapport_id) by status. */
export interface ExtendedRapportSummary {
  id: string;
  title: string;
  startsAt: Date;
  status: RapportStatus;
  measuresByStatus: Record<MeasureStatus, number>;
}

export const DASHBOARD_EXTENDED_LIMIT = 20;

export interface AttendanceEntry {
  personId: string;
  attendance: Attendance;
}

export interface RapportView {
  rapport: Rapport;
  agencies: AgencyRef[];
  invitations: RapportInvitation[];
}

/** The reason a rule's newer proposal carries when a returning escalation takes it over (reopenEscalation). */
export const MERGED_REASON = 'Zusammengeführt: die Eskalation ist nach der Absage ihres erweiterten Rapports wieder offen und übernimmt diesen Vorschlag.';

const AUDITED = ['kind', 'title', 'goal', 'location', 'startsAt', 'endsAt', 'status', 'cancelReason'];
const FREE_TEXT = ['cancelReason', 'goal'];
/** Who is invited for a participating agency: its liaisons; for an extended rapport also its leadership. */
const REGULAR_INVITEES: Role[] = ['liaison'];
const EXTENDED_INVITEES: Role[] = ['liaison', 'leadership'];

@Injectable()
export class RapportsService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly audit: AuditService) {}

  async list(viewer: Actor, filter: RapportFilter, page: PageRequest): Promise<Page<RapportView>> {
    const qb = this.db.getRepository(Rapport).createQueryBuilder('r');
    const cond = rapportReadCondition('r', viewer, { invitations: true });
    if (cond) qb.andWhere(cond.sql, cond.params);
    if (filter.seriesId) qb.andWhere('r.series_id = :fSeries', { fSeries: filter.seriesId });
    if (filter.status?.length) qb.andWhere('r.status IN (:...fStatus)', { fStatus: [...new Set(filter.status)] });
    if (filter.from) qb.andWhere('r.starts_at >= :fFrom', { fFrom: filter.from });
    if (filter.to) qb.andWhere('r.starts_at < :fTo', { fTo: filter.to });
    const result = await paginate(qb, page, { startsAt: { sql: 'r.starts_at', type: 'timestamptz' } }, { sql: 'r.id', type: 'uuid' });
    return { items: await loadRapportViews(this.db.manager, result.items.map((r) => r.id)), nextCursor: result.nextCursor };
  }

  async get(viewer: Actor, id: string): Promise<RapportView> {
    await assertReadsRapport(this.db.manager, viewer, id);
    return (await loadRapportViews(this.db.manager, [id]))[0]!;
  }

  /** Move (a new start, never into the past) or rename/relocate one meeting while it lies ahead; the series is untouched. */
  async update(actor: Actor, id: string, patch: RapportPatch, expectedVersion: number | undefined, now: Date = new Date()): Promise<RapportView> {
    return this.db.transaction(async (m) => {
      const r = await lockRapport(m, id);
      await checkVersion(r.version, expectedVersion, async () => (await loadRapportViews(m, [id]))[0]!);
      if (!isUpcoming(r.status)) {
        throw new DomainError(409, 'RAPPORT_NOT_CHANGEABLE', `The meeting is ${r.status}; only a planned or convened meeting can be changed or moved.`, 'status', { rapportStatus: r.status });
      }
      const before = { ...r };
      if (patch.title !== undefined) r.title = patch.title.trim();
      if (patch.location !== undefined) r.location = patch.location.trim();
      if (patch.startsAt !== undefined && patch.startsAt.getTime() !== r.startsAt.getTime()) {
        if (patch.startsAt.getTime() <= now.getTime()) throw new DomainError(422, 'START_IN_PAST', 'A meeting can only be moved to a time in the future.', 'startsAt');
        const duration = r.endsAt.getTime() - r.startsAt.getTime();
        r.startsAt = patch.startsAt;
        if (patch.endsAt === undefined) r.endsAt = new Date(patch.startsAt.getTime() + duration);
      }
      if (patch.endsAt !== undefined) r.endsAt = patch.endsAt;
      if (r.endsAt.getTime() <= r.startsAt.getTime()) throw new DomainError(400, 'END_NOT_AFTER_START', 'The meeting must end after it starts.', patch.endsAt !== undefined ? 'endsAt' : 'startsAt');
      // Calendar clients replace their copy only when SEQUENCE rises (RFC 5546).
      if (r.startsAt.getTime() !== before.startsAt.getTime() || r.endsAt.getTime() !== before.endsAt.getTime() || r.location !== before.location) r.sequence = before.sequence + 1;
      const changes = AuditService.diff(before, { ...r }, AUDITED, FREE_TEXT);
      if (Object.keys(changes).length) {
        await m.save(r);
        await this.audit.record(m, actor, 'update', 'rapport', id, changes);
        await planRapportReminders(m, id, now, { moved: r.sequence !== before.sequence });
      }
      return (await loadRapportViews(m, [id]))[0]!;
    });
  }

  /**
   * The workflow of rapport-status.ts. Convening sends the invitations (the participating agencies'
   * active liaisons, plus people named); it needs a meeting ahead. Held needs a meeting that has
   * begun. Held and cancelled let the series plan its next meeting in the same transaction.
   */
  async changeStatus(actor: Actor, id: string, input: RapportStatusInput, expectedVersion: number | undefined, now: Date = new Date()): Promise<RapportView> {
    return this.db.transaction(async (m) => {
      const r = await lockRapport(m, id);
      await checkVersion(r.version, expectedVersion, async () => (await loadRapportViews(m, [id]))[0]!);
      assertRapportTransition(r.status, input.status);
      const reason = input.reason?.trim() || null;
      if (input.status === 'cancelled' && !reason) throw new DomainError(400, 'REASON_REQUIRED', 'Say why the meeting is cancelled.', 'reason');
      if (input.status !== 'cancelled' && reason) throw new DomainError(400, 'REASON_NOT_ALLOWED', 'A reason is only given when a meeting is cancelled.', 'reason');
      if (input.status !== 'convened' && input.personIds?.length) throw new DomainError(400, 'PERSONS_NOT_ALLOWED', 'People are named when the meeting is convened, or later through its invitations.', 'personIds');
      if (input.status === 'convened' && r.startsAt.getTime() <= now.getTime()) {
        throw new DomainError(422, 'MEETING_IN_PAST', 'The meeting lies in the past; move it to a future time before convening it.', 'startsAt');
      }
      if (input.status === 'held' && r.startsAt.getTime() > now.getTime()) {
        throw new DomainError(422, 'MEETING_NOT_STARTED', 'The meeting has not begun yet; it can be marked as held from its start on.', 'startsAt');
      }
      if (input.status === 'minutes_published' && r.kind === 'extended') await assertMeasuresAgreed(m, r.id);
      const before = { ...r };
      r.status = input.status;
      r.cancelReason = input.status === 'cancelled' ? reason : null;
      r.statusChangedAt = now;
      if (input.status === 'convened') r.convenedBy = actor.id;
      if (input.status === 'cancelled') r.sequence += 1;
      await m.save(r);
      await this.audit.record(m, actor, 'update', 'rapport', id, AuditService.diff(before, { ...r }, AUDITED, FREE_TEXT));
      if (input.status === 'convened') {
        // Only regular meetings come here: an extended rapport is convened when it is created (createExtended).
        await this.inviteAgencies(m, actor, r, REGULAR_INVITEES);
        await this.invitePeople(m, actor, r, input.personIds ?? []);
        await generateAgenda(m, this.audit, actor, r, now);
      }
      if (input.status === 'minutes_published' && r.kind === 'extended') await this.resolveEscalation(m, actor, r.id);
      if (input.status === 'cancelled' && r.kind === 'extended') await this.reopenEscalation(m, actor, r.id, now);
      if ((input.status === 'held' || input.status === 'cancelled') && r.seriesId) await ensureUpcomingMeeting(m, this.audit, r.seriesId, now);
      await planRapportReminders(m, id, now);
      return (await loadRapportViews(m, [id]))[0]!;
    });
  }

  /** Coordinators invite people by name, while the meeting lies ahead. */
  async invite(actor: Actor, id: string, personIds: string[]): Promise<RapportView> {
    return this.db.transaction(async (m) => {
      const r = await lockRapport(m, id);
      if (!isUpcoming(r.status)) throw new DomainError(409, 'RAPPORT_NOT_CHANGEABLE', `The meeting is ${r.status}; invitations are only sent for a planned or convened meeting.`, 'status', { rapportStatus: r.status });
      await this.invitePeople(m, actor, r, personIds);
      await planRapportReminders(m, id);
      return (await loadRapportViews(m, [id]))[0]!;
    });
  }

  /**
   * An invitee answers for themselves (nobody else may, not even a coordinator). Sending the deputy
   * invites the deputy named in the invitee's profile, who then answers for themselves.
   */
  async answer(actor: Actor, id: string, invitationId: string, answer: Answer, now: Date = new Date()): Promise<RapportView> {
    return this.db.transaction(async (m) => {
      await assertReadsRapport(m, actor, id);
      const r = await lockRapport(m, id);
      const inv = await m.getRepository(RapportInvitation).findOne({ where: { id: invitationId, rapportId: id }, lock: { mode: 'pessimistic_write' } });
      if (!inv) throw DomainError.notFound('invitation', 'invitationId');
      if (inv.personId !== actor.id) throw new DomainError(403, 'NOT_YOUR_INVITATION', 'Each invitee answers for themselves; this invitation is someone else\'s.', 'invitationId');
      if (r.status !== 'convened') throw new DomainError(409, 'RAPPORT_NOT_OPEN_FOR_ANSWERS', `The meeting is ${r.status}; invitations are answered while it is convened.`, 'status', { rapportStatus: r.status });
      const before = { response: inv.response };
      if (answer === 'delegate') {
        const me = await m.findOneByOrFail(Person, { id: actor.id });
        const deputy = me.deputyId ? await m.findOneBy(Person, { id: me.deputyId, active: true }) : null;
        if (!deputy) throw new DomainError(422, 'NO_DEPUTY', 'You have no active deputy to send; name one in your profile (PUT /me/deputy) first.', 'answer');
        // A deputy already invited (for their agency, say) keeps that invitation.
        const [added] = await m.query(
          `INSERT INTO rapport_invitations (rapport_id, person_id, via, delegated_from_id) VALUES ($1, $2, 'deputy', $3) ON CONFLICT (rapport_id, person_id) DO NOTHING RETURNING id`,
          [id, deputy.id, inv.id],
        ) as Array<{ id: string }>;
        if (added) await this.audit.record(m, actor, 'create', 'rapport_invitation', added.id, { rapportId: { new: id }, personId: { new: deputy.id }, via: { new: 'deputy' } });
        if (added) await planRapportReminders(m, id, now);
      }
      inv.response = ({ accept: 'accepted', decline: 'declined', tentative: 'tentative', delegate: 'delegated' } as const)[answer];
      inv.respondedAt = now;
      await m.save(inv);
      await this.audit.record(m, actor, 'update', 'rapport_invitation', inv.id, { response: { old: before.response, new: inv.response } });
      return (await loadRapportViews(m, [id]))[0]!;
    });
  }

  /** At or after the meeting the coordinator records who came; only invitees have an attendance. All or nothing. */
  async recordAttendance(actor: Actor, id: string, entries: AttendanceEntry[], now: Date = new Date()): Promise<RapportView> {
    return this.db.transaction(async (m) => {
      const r = await lockRapport(m, id);
      if (r.status !== 'convened' && r.status !== 'held') {
        throw new DomainError(409, 'RAPPORT_NOT_CONVENED', `The meeting is ${r.status}; attendance is recorded for a convened or held meeting.`, 'status', { rapportStatus: r.status });
      }
      if (r.startsAt.getTime() > now.getTime()) throw new DomainError(422, 'MEETING_NOT_STARTED', 'Attendance is recorded at or after the meeting, not before it begins.', 'startsAt');
      const invitations = await m.getRepository(RapportInvitation).find({ where: { rapportId: id }, lock: { mode: 'pessimistic_write' } });
      const byPerson = new Map(invitations.map((i) => [i.personId, i]));
      entries.forEach((e, i) => {
        if (!byPerson.has(e.personId)) throw new DomainError(422, 'NOT_INVITED', 'Attendance is recorded only for people invited to this meeting.', `entries.${i}.personId`);
      });
      for (const e of entries) {
        const inv = byPerson.get(e.personId)!;
        if (inv.attendance === e.attendance) continue;
        const old = inv.attendance;
        inv.attendance = e.attendance;
        inv.attendanceRecordedAt = now;
        inv.attendanceRecordedBy = actor.id;
        await m.save(inv);
        await this.audit.record(m, actor, 'update', 'rapport_invitation', inv.id, { attendance: { old, new: e.attendance } });
      }
      return (await loadRapportViews(m, [id]))[0]!;
    });
  }

  /**
   * Creates an extended rapport (no series) and convenes it at once: the chosen agencies' liaisons
   * and leadership are invited. Runs inside the caller's transaction (the escalation's convene), so
   * that the meeting, its invitations and the escalation's new status are stored together or not at all.
   */
  async createExtended(m: EntityManager, actor: Actor, input: ExtendedRapportInput, now: Date = new Date()): Promise<Rapport> {
    if (input.startsAt.getTime() <= now.getTime()) throw new DomainError(422, 'MEETING_IN_PAST', 'The extended rapport must lie in the future.', 'startsAt');
    if (input.endsAt.getTime() <= input.startsAt.getTime()) throw new DomainError(400, 'END_NOT_AFTER_START', 'The meeting must end after it starts.', 'endsAt');
    const agencyIds = await assertActiveReferences(m, 'agency', input.agencyIds, 'agencyIds');
    const r = m.create(Rapport, {
      kind: 'extended', seriesId: null, occurrenceStart: null, title: input.title.trim(), goal: input.goal.trim(), location: input.location.trim(),
      startsAt: input.startsAt, endsAt: input.endsAt, status: 'convened', cancelReason: null, agencyIds, statusChangedAt: now, createdBy: actor.id, convenedBy: actor.id,
    });
    await m.save(r);
    await this.audit.record(m, actor, 'create', 'rapport', r.id, AuditService.diff(null, { ...r }, AUDITED, FREE_TEXT));
    await this.inviteAgencies(m, actor, r, EXTENDED_INVITEES);
    await generateAgenda(m, this.audit, actor, r, now);
    await planRapportReminders(m, r.id, now);
    return r;
  }

  /** The extended rapports the viewer may read, soonest-last, with their measures counted by status. */
  async extendedSummaries(viewer: Actor): Promise<ExtendedRapportSummary[]> {
    const cond = rapportReadCondition('r', viewer, { invitations: true });
    // One prepared statement (issue 11: read on every dashboard): the rapports, and per rapport a row per measure status.
    const [sql, values] = this.db.driver.escapeQueryWithParameters(
      `SELECT x.id, x.title, x.starts_at AS "startsAt", x.status, c.status AS "measureStatus", c.n
         FROM (SELECT r.id, r.title, r.starts_at, r.status FROM rapports r
                WHERE r.kind = 'extended' ${cond ? `AND ${cond.sql}` : ''}
                ORDER BY r.starts_at DESC, r.id DESC
                LIMIT :limit) x
         LEFT JOIN LATERAL (SELECT m.status, count(*)::int AS n FROM measures m WHERE m.rapport_id = x.id GROUP BY m.status) c ON TRUE
        ORDER BY x.starts_at DESC, x.id DESC`,
      { ...cond?.params, limit: DASHBOARD_EXTENDED_LIMIT },
    );
    const rows = await preparedQuery<{ id: string; title: string; startsAt: Date; status: RapportStatus; measureStatus: MeasureStatus | null; n: number | null }>(this.db, sql, values);
    const byId = new Map<string, ExtendedRapportSummary>();
    for (const r of rows) {
      let summary = byId.get(r.id);
      if (!summary) {
        summary = { id: r.id, title: r.title, startsAt: r.startsAt, status: r.status, measuresByStatus: Object.fromEntries(MEASURE_STATUSES.map((st) => [st, 0])) as Record<MeasureStatus, number> };
        byId.set(r.id, summary);
      }
      if (r.measureStatus) summary.measuresByStatus[r.measureStatus] = r.n!;
    }
    return [...byId.values()];
  }

  /**
   * The escalation is resolved "when the extended rapport is held and its measures are agreed"
   * (issue 8): that is when its minutes are published, the moment the measures agreed there
   * (measures.rapport_id, shown on the dashboard) are final. Held alone leaves it convened. Same
   * transaction as the status change. Written as SQL on purpose: the escalations module depends on
   * this one, not the other way round.
   */
  private async resolveEscalation(m: EntityManager, actor: Actor, rapportId: string): Promise<void> {
    const [rows] = await m.query(
      `UPDATE escalations SET status = 'resolved', version = version + 1, updated_at = now() WHERE rapport_id = $1 AND status = 'convened' RETURNING id`,
      [rapportId],
    ) as [Array<{ id: string }>, number];
    for (const e of rows) await this.audit.record(m, actor, 'update', 'escalation', e.id, { status: { old: 'convened', new: 'resolved' } });
  }

  /**
   * A cancelled extended rapport hands its escalation back: convened -> proposed, the rapport link
   * cleared, so that a coordinator can convene it again or dismiss it. Same transaction as the
   * cancellation. A rule's proposal is unique per rule and scope while proposed
   * (escalations_one_open_per_rule): if the rule opened a new proposal for the same scope in the
   * meantime, the returning escalation takes it over: the newer one's developments are linked to
   * the returning one and the newer one is dismissed as merged (merged_into_id; the cancelling
   * coordinator as dismisser, a fixed reason). A merge does not keep the rule quiet the way a
   * coordinator's dismissal does (escalation-rules.service.ts).
   */
  private async reopenEscalation(m: EntityManager, actor: Actor, rapportId: string, now: Date): Promise<void> {
    const rows = await m.query(
      `SELECT id, rule_id AS "ruleId", scope_id AS "scopeId" FROM escalations WHERE rapport_id = $1 AND status = 'convened' FOR UPDATE`,
      [rapportId],
    ) as Array<{ id: string; ruleId: string | null; scopeId: string | null }>;
    for (const e of rows) {
      if (e.ruleId) {
        const newer = await m.query(
          `SELECT id FROM escalations WHERE rule_id = $1 AND scope_id = $2 AND status = 'proposed' FOR UPDATE`,
          [e.ruleId, e.scopeId],
        ) as Array<{ id: string }>;
        for (const n of newer) {
          await m.query(
            `INSERT INTO escalation_developments (escalation_id, development_id) SELECT $1, development_id FROM escalation_developments WHERE escalation_id = $2 ON CONFLICT DO NOTHING`,
            [e.id, n.id],
          );
          await m.query(
            `UPDATE escalations SET status = 'dismissed', dismissed_at = $2, dismissed_by = $3, dismissal_reason = $4, merged_into_id = $5, version = version + 1, updated_at = now() WHERE id = $1`,
            [n.id, now, actor.id, MERGED_REASON, e.id],
          );
          await this.audit.record(m, actor, 'update', 'escalation', n.id, { status: { old: 'proposed', new: 'dismissed' }, mergedIntoId: { new: e.id }, dismissalReason: { changed: true } });
        }
      }
      await m.query(`UPDATE escalations SET status = 'proposed', rapport_id = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [e.id]);
      await this.audit.record(m, actor, 'update', 'escalation', e.id, { status: { old: 'convened', new: 'proposed' }, rapportId: { old: rapportId, new: null } });
    }
  }

  /** Invites the people with one of `roles` of the participating agencies (active people of active agencies). */
  private async inviteAgencies(m: EntityManager, actor: Actor, r: Rapport, roles: Role[]): Promise<void> {
    const rows = await m.query(
      `INSERT INTO rapport_invitations (rapport_id, person_id, via, agency_id)
       SELECT $1, p.id, 'agency', p.agency_id FROM people p JOIN agencies a ON a.id = p.agency_id
        WHERE p.agency_id = ANY($2::uuid[]) AND p.active AND a.active AND p.roles && $3::text[]
       ON CONFLICT (rapport_id, person_id) DO NOTHING RETURNING id, person_id`,
      [r.id, r.agencyIds, roles],
    ) as Array<{ id: string; person_id: string }>;
    if (rows.length) await this.audit.recordMany(m, actor, 'create', 'rapport_invitation', rows.map((x) => ({ entityId: x.id, changes: { rapportId: { new: r.id }, personId: { new: x.person_id }, via: { new: 'agency' } } })));
  }

  private async invitePeople(m: EntityManager, actor: Actor, r: Rapport, personIds: string[]): Promise<void> {
    const ids = await assertActiveReferences(m, 'person', personIds, 'personIds');
    if (!ids.length) return;
    const rows = await m.query(
      `INSERT INTO rapport_invitations (rapport_id, person_id, via) SELECT $1, unnest($2::uuid[]), 'person' ON CONFLICT (rapport_id, person_id) DO NOTHING RETURNING id, person_id`,
      [r.id, ids],
    ) as Array<{ id: string; person_id: string }>;
    if (rows.length) await this.audit.recordMany(m, actor, 'create', 'rapport_invitation', rows.map((x) => ({ entityId: x.id, changes: { rapportId: { new: r.id }, personId: { new: x.person_id }, via: { new: 'person' } } })));
  }
}

/**
 * An extended rapport exists to agree measures on its escalation; the escalation is resolved "when
 * the extended rapport is held and its measures are agreed" (issue 8), which publishing its minutes
 * declares. Publishing with no measure agreed would resolve an escalation nothing was done about.
 */
async function assertMeasuresAgreed(m: EntityManager, rapportId: string): Promise<void> {
  const [{ agreed }] = (await m.query(`SELECT EXISTS (SELECT 1 FROM measures WHERE rapport_id = $1) AS agreed`, [rapportId])) as [{ agreed: boolean }];
  if (!agreed) {
    throw new DomainError(409, 'MEASURES_NOT_AGREED', 'An extended rapport agrees measures on its escalation: agree at least one in its minutes before publishing them.', 'status');
  }
}

async function lockRapport(m: EntityManager, id: string): Promise<Rapport> {
  const r = await m.getRepository(Rapport).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!r) throw DomainError.notFound('rapport');
  return r;
}

/** Meetings with their agencies and invitations (with the people), in the order of `ids`. */
export async function loadRapportViews(m: EntityManager, ids: string[]): Promise<RapportView[]> {
  if (!ids.length) return [];
  const rows = await m.getRepository(Rapport).createQueryBuilder('r').where('r.id IN (:...ids)', { ids }).getMany();
  const invitations = await m.getRepository(RapportInvitation).createQueryBuilder('i').leftJoinAndSelect('i.person', 'person')
    .where('i.rapport_id IN (:...ids)', { ids }).orderBy('i.created_at', 'ASC').addOrderBy('i.id', 'ASC').getMany();
  const agencies = await agencyRefs(m, rows.flatMap((r) => r.agencyIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.filter((id) => byId.has(id)).map((id) => {
    const rapport = byId.get(id)!;
    return {
      rapport,
      agencies: rapport.agencyIds.map((a) => agencies.get(a) ?? { id: a, code: '', name: '' }),
      invitations: invitations.filter((i) => i.rapportId === id),
    };
  });
}
