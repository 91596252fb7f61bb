import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import type { MeasureStatus } from '../measures/measure-status.js';
import { Person } from '../people/person.entity.js';
import type { InvitationResponse, RapportInvitation } from '../rapports/rapport-invitation.entity.js';
import type { RapportStatus } from '../rapports/rapport-status.js';
import type { Rapport } from '../rapports/rapport.entity.js';
import { RapportsService, type RapportView } from '../rapports/rapports.service.js';
import { calendar, calendarDate, escapeText, utcDateTime, type IcsComponent, type IcsProperty } from './ical.js';

/** Used when nobody convened the meeting yet (or before convened_by was kept). */
export const NEUTRAL_ORGANIZER = { name: 'Drogenrapport', email: 'noreply@drogenrapport.invalid' };

const PARTSTAT: Record<InvitationResponse, string> = { pending: 'NEEDS-ACTION', accepted: 'ACCEPTED', declined: 'DECLINED', tentative: 'TENTATIVE', delegated: 'DELEGATED' };
const EVENT_STATUS: Record<RapportStatus, string> = { planned: 'TENTATIVE', convened: 'CONFIRMED', held: 'CONFIRMED', minutes_published: 'CONFIRMED', cancelled: 'CANCELLED' };
/** A blocked measure still needs action: RFC 5545 has no "blocked". */
const TODO_STATUS: Record<MeasureStatus, string> = { planned: 'NEEDS-ACTION', in_progress: 'IN-PROCESS', blocked: 'NEEDS-ACTION', done: 'COMPLETED', cancelled: 'CANCELLED' };

export const rapportUid = (id: string) => `rapport-${id}@drogenrapport`;
export const measureUid = (id: string) => `measure-${id}@drogenrapport`;
const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const mailto = (email: string) => `mailto:${email}`;

/**
 * Calendar data (issue 8): a meeting as an iCalendar invitation, and each person's secret feed of
 * their meetings and measures. Only titles, times, places and statuses leave here: never the free
 * text of developments, measures' descriptions or a cancellation's reason.
 */
@Injectable()
export class CalendarService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly rapports: RapportsService, private readonly audit: AuditService) {}

  /** METHOD:REQUEST with organizer and attendees, or METHOD:CANCEL once cancelled; read rules of GET rapports/:id. */
  async meeting(viewer: Actor, id: string, now: Date = new Date()): Promise<string> {
    return meetingIcs(this.db.manager, await this.rapports.get(viewer, id), now);
  }

  /** A new secret feed token for this person; any earlier one stops working at once. Only the hash is kept. */
  async createFeedToken(actor: Actor): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO calendar_feeds (person_id, token_hash) VALUES ($1, $2) ON CONFLICT (person_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
        [actor.id, hashToken(token)],
      );
      await this.audit.record(m, actor, 'create', 'calendar_feed', actor.id, {});
    });
    return token;
  }

  /** Whether the person has a feed address and since when (the address itself is not kept and cannot be shown again). */
  async feedStatus(actor: Actor): Promise<{ active: boolean; createdAt: Date | null }> {
    const [row] = await this.db.query(`SELECT created_at FROM calendar_feeds WHERE person_id = $1`, [actor.id]) as Array<{ created_at: Date }>;
    return { active: !!row, createdAt: row?.created_at ?? null };
  }

  /** Revokes the person's feed; revoking when there is none is not an error (the outcome is the same). */
  async revokeFeedToken(actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      const [, count] = await m.query(`DELETE FROM calendar_feeds WHERE person_id = $1`, [actor.id]) as [unknown, number];
      if (count) await this.audit.record(m, actor, 'deactivate', 'calendar_feed', actor.id, {});
    });
  }

  /**
   * The feed of the token's (active) person: the meetings they are invited to (VEVENT, cancelled ones
   * as STATUS:CANCELLED) and the measures they are responsible for (VTODO with DUE). A token that is
   * wrong, revoked or never existed is one and the same 404; the lookup is by hash, so the time it
   * takes does not depend on how much of a token is right.
   */
  async feed(token: string, now: Date = new Date()): Promise<string> {
    const [owner] = await this.db.query(
      `SELECT p.id FROM calendar_feeds f JOIN people p ON p.id = f.person_id WHERE f.token_hash = $1 AND p.active`,
      [hashToken(token)],
    ) as Array<{ id: string }>;
    if (!owner) throw DomainError.notFound('calendar feed', 'token');
    // Invited means the meeting is readable for them (rapport-access.ts): no further check needed.
    const meetings = await this.db.query(
      `SELECT r.id, r.title, r.location, r.starts_at, r.ends_at, r.status, r.sequence, r.updated_at
         FROM rapports r JOIN rapport_invitations ri ON ri.rapport_id = r.id
        WHERE ri.person_id = $1 ORDER BY r.starts_at, r.id`,
      [owner.id],
    ) as Array<{ id: string; title: string; location: string; starts_at: Date; ends_at: Date; status: RapportStatus; sequence: number; updated_at: Date }>;
    const measures = await this.db.query(
      `SELECT id, title, deadline::text AS deadline, status, updated_at FROM measures WHERE responsible_id = $1 ORDER BY deadline, id`,
      [owner.id],
    ) as Array<{ id: string; title: string; deadline: string; status: MeasureStatus; updated_at: Date }>;
    const components: IcsComponent[] = [
      ...meetings.map((r) => ({
        type: 'VEVENT',
        props: eventProps({ id: r.id, title: r.title, location: r.location, startsAt: r.starts_at, endsAt: r.ends_at, status: r.status, sequence: r.sequence, updatedAt: r.updated_at }, now),
      })),
      ...measures.map((m) => ({
        type: 'VTODO',
        props: [
          { name: 'UID', value: measureUid(m.id) },
          { name: 'DTSTAMP', value: utcDateTime(now) },
          { name: 'LAST-MODIFIED', value: utcDateTime(m.updated_at) },
          { name: 'SUMMARY', value: escapeText(m.title) },
          { name: 'DUE', params: [['VALUE', 'DATE']], value: calendarDate(m.deadline) },
          { name: 'STATUS', value: TODO_STATUS[m.status] },
        ] as IcsProperty[],
      })),
    ];
    return calendar(components, { name: 'Drogenrapport' });
  }
}

/**
 * THE invitation of a meeting (the calendar API and the reminders' invite.ics attach the same):
 * UID and SEQUENCE of the meeting, organizer, attendees with their answers; METHOD:CANCEL once
 * cancelled, else METHOD:REQUEST. The caller decides who may have it.
 */
export async function meetingIcs(m: EntityManager, view: Pick<RapportView, 'rapport' | 'invitations'>, now: Date): Promise<string> {
  const { rapport, invitations } = view;
  const organizer = rapport.convenedBy ? await m.getRepository(Person).findOneBy({ id: rapport.convenedBy }) : null;
  const props = eventProps(rapport, now);
  props.push({ name: 'ORGANIZER', params: [['CN', organizer?.displayName ?? NEUTRAL_ORGANIZER.name]], value: mailto(organizer?.email ?? NEUTRAL_ORGANIZER.email) });
  props.push(...invitations.map((i) => attendee(i, invitations)));
  return calendar([{ type: 'VEVENT', props }], { method: rapport.status === 'cancelled' ? 'CANCEL' : 'REQUEST' });
}

function eventProps(r: Pick<Rapport, 'id' | 'title' | 'location' | 'startsAt' | 'endsAt' | 'status' | 'sequence' | 'updatedAt'>, now: Date): IcsProperty[] {
  return [
    { name: 'UID', value: rapportUid(r.id) },
    { name: 'SEQUENCE', value: String(r.sequence) },
    { name: 'DTSTAMP', value: utcDateTime(now) },
    { name: 'LAST-MODIFIED', value: utcDateTime(r.updatedAt) },
    { name: 'DTSTART', value: utcDateTime(r.startsAt) },
    { name: 'DTEND', value: utcDateTime(r.endsAt) },
    { name: 'SUMMARY', value: escapeText(r.title) },
    { name: 'LOCATION', value: escapeText(r.location) },
    { name: 'STATUS', value: EVENT_STATUS[r.status] },
  ];
}

/** ATTENDEE with the answer as PARTSTAT; a delegation names the deputy both ways (RFC 5545 3.2.4/3.2.5). */
function attendee(i: RapportInvitation, all: RapportInvitation[]): IcsProperty {
  const params: Array<[string, string]> = [['CN', i.person?.displayName ?? ''], ['ROLE', 'REQ-PARTICIPANT'], ['PARTSTAT', PARTSTAT[i.response]], ['RSVP', String(i.response === 'pending').toUpperCase()]];
  const deputy = all.find((d) => d.delegatedFromId === i.id);
  if (deputy?.person) params.push(['DELEGATED-TO', mailto(deputy.person.email)]);
  const from = i.delegatedFromId ? all.find((d) => d.id === i.delegatedFromId) : undefined;
  if (from?.person) params.push(['DELEGATED-FROM', mailto(from.person.email)]);
  return { name: 'ATTENDEE', params, value: mailto(i.person?.email ?? '') };
}
