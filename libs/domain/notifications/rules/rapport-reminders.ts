import type { EntityManager } from 'typeorm';
import type { RapportStatus } from '../../rapports/rapport-status.js';
import type { ReminderKind } from '../reminder-kinds.js';
import { AGENDA_DAYS_BEFORE, beforeMeeting, CALL_FOR_DEVELOPMENTS_DAYS_BEFORE, reminderSchedule, type ReminderSchedule } from './reminder-timing.js';
import { peopleWithRole, planRule, type RuleIntent } from './rule-support.js';

export const RAPPORT_REMINDER_KINDS: readonly ReminderKind[] = [
  'rapport_invitation', 'rapport_update', 'rapport_cancellation', 'rapport_call_for_developments', 'rapport_agenda', 'rapport_minutes_published',
];

export interface RapportPlanOptions {
  /** The meeting was just moved or relocated (its SEQUENCE rose): announce the update to the invitees. */
  moved?: boolean;
}

/**
 * A meeting's reminders as its current state wants them (inside the transaction of convene, move,
 * invite, cancel, held, minutes published, the extended rapport's creation and the series' next
 * meeting):
 * - planned or convened, ahead: the call to log developments 7 days before (REMINDER_HOUR) to the
 *   liaisons of the participating agencies;
 * - convened, ahead: the invitation at once to every invitee (an agency's invitation is its liaisons,
 *   materialised as rapport_invitations), the update at once after a move (occurrence = the new
 *   SEQUENCE, so each move is its own reminder and a newer one supersedes a pending older one), and
 *   the agenda 2 days before to the invitees;
 * - cancelled: only the cancellation, at once, to the invitees (everything else pending is withdrawn);
 * - minutes published: the minutes notice at once to the invitees.
 * A moved meeting moves its call and agenda reminders (a time already past is dropped).
 */
export async function planRapportReminders(m: EntityManager, rapportId: string, now: Date = new Date(), opts: RapportPlanOptions = {}, schedule: ReminderSchedule = reminderSchedule()): Promise<void> {
  const [r] = (await m.query(`SELECT id, status, starts_at, sequence, agency_ids FROM rapports WHERE id = $1`, [rapportId])) as Array<{ id: string; status: RapportStatus; starts_at: Date; sequence: number; agency_ids: string[] }>;
  const intents: RuleIntent[] = [];
  if (r) {
    const invitees = ((await m.query(`SELECT person_id FROM rapport_invitations WHERE rapport_id = $1 ORDER BY person_id`, [rapportId])) as Array<{ person_id: string }>).map((x) => x.person_id);
    const ahead = r.starts_at.getTime() > now.getTime();
    if ((r.status === 'planned' || r.status === 'convened') && ahead) {
      intents.push({ kind: 'rapport_call_for_developments', recipients: await peopleWithRole(m, 'liaison', r.agency_ids), dueAt: beforeMeeting(r.starts_at, CALL_FOR_DEVELOPMENTS_DAYS_BEFORE, schedule) });
    }
    if (r.status === 'convened' && ahead) {
      intents.push({ kind: 'rapport_invitation', recipients: invitees, atOnce: true });
      intents.push({ kind: 'rapport_agenda', recipients: invitees, dueAt: beforeMeeting(r.starts_at, AGENDA_DAYS_BEFORE, schedule) });
      if (r.sequence > 0) {
        const occurrence = String(r.sequence);
        // Only those told about this move: everyone invited when it happened, and nobody invited afterwards.
        const told = opts.moved
          ? invitees
          : ((await m.query(`SELECT DISTINCT recipient_id FROM reminders WHERE subject_type = 'rapport' AND subject_id = $1 AND kind = 'rapport_update' AND occurrence = $2 AND recipient_id IS NOT NULL`, [rapportId, occurrence])) as Array<{ recipient_id: string }>).map((x) => x.recipient_id);
        if (told.length) intents.push({ kind: 'rapport_update', occurrence, recipients: told, atOnce: true });
      }
    }
    if (r.status === 'cancelled') intents.push({ kind: 'rapport_cancellation', recipients: invitees, atOnce: true });
    if (r.status === 'minutes_published') intents.push({ kind: 'rapport_minutes_published', recipients: invitees, atOnce: true });
  }
  await planRule(m, { type: 'rapport', id: rapportId }, RAPPORT_REMINDER_KINDS, intents, now);
}
