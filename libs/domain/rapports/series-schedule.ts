import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { UPCOMING_STATUSES } from './rapport-status.js';
import { RapportSeries } from './rapport-series.entity.js';
import { Rapport } from './rapport.entity.js';
import { nextOccurrences } from './recurrence.js';
import { planRapportReminders } from '../notifications/rules/rapport-reminders.js';

/** How far ahead a series is searched for a slot not yet taken (cancelled slots stay taken). */
const SLOTS_SEARCHED = 50;

/**
 * THE rule "an active series always has a meeting ahead", used by the worker's periodic job and,
 * in the same transaction, when a series is created or reactivated and when one of its meetings is
 * held or cancelled (so the next one never waits for the job). The series row is locked, which
 * serialises everyone filling the same series; the unique key (series_id, occurrence_start) makes a
 * second meeting for one slot impossible even so. Returns the meeting created, or null.
 */
export async function ensureUpcomingMeeting(m: EntityManager, audit: AuditService, seriesId: string, now: Date): Promise<Rapport | null> {
  const series = await m.getRepository(RapportSeries).findOne({ where: { id: seriesId }, lock: { mode: 'pessimistic_write' } });
  if (!series?.active) return null;
  const ahead = await m.getRepository(Rapport).createQueryBuilder('r')
    .where('r.series_id = :id AND r.status IN (:...upcoming) AND r.starts_at > :now', { id: seriesId, upcoming: UPCOMING_STATUSES, now })
    .getExists();
  if (ahead) return null;
  const slots = nextOccurrences(series, now, SLOTS_SEARCHED);
  if (!slots.length) return null;
  const taken = new Set((await m.query(
    `SELECT occurrence_start FROM rapports WHERE series_id = $1 AND occurrence_start = ANY($2::timestamptz[])`, [seriesId, slots.map((s) => s.toISOString())],
  ) as Array<{ occurrence_start: Date }>).map((r) => r.occurrence_start.getTime()));
  const slot = slots.find((s) => !taken.has(s.getTime()));
  if (!slot) return null;
  const rows = await m.query(
    `INSERT INTO rapports (kind, series_id, occurrence_start, title, starts_at, ends_at, location, status, agency_ids)
     VALUES ('regular', $1, $2, $3, $2, $4, $5, 'planned', $6)
     ON CONFLICT (series_id, occurrence_start) DO NOTHING RETURNING id`,
    [seriesId, slot, series.title, new Date(slot.getTime() + series.durationMinutes * 60_000), series.location, series.agencyIds],
  ) as Array<{ id: string }>;
  if (!rows.length) return null;
  const created = await m.getRepository(Rapport).findOneByOrFail({ id: rows[0]!.id });
  await audit.record(m, null, 'create', 'rapport', created.id, {
    seriesId: { new: seriesId }, startsAt: { new: created.startsAt.toISOString() }, status: { new: 'planned' },
  });
  await planRapportReminders(m, created.id, now);
  return created;
}
