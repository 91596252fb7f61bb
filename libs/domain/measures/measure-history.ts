import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { preparedQuery } from '../common/prepared-query.js';
import type { MeasureEventChanges, MeasureEventKind } from './measure-event.entity.js';

/**
 * Appends one entry to a measure's history. Called inside the transaction of the change itself
 * (with its EntityManager), so that a change without its history entry cannot commit. One
 * prepared INSERT (issue 11); `at` defaults to the transaction's time, as the column does.
 */
export async function recordMeasureEvent(
  m: EntityManager,
  actor: Pick<Actor, 'id'>,
  measureId: string,
  kind: MeasureEventKind,
  changes: MeasureEventChanges = {},
  opts: { note?: string | null; subjectId?: string | null; at?: Date } = {},
): Promise<void> {
  await preparedQuery(m, `INSERT INTO measure_events (measure_id, actor_id, kind, changes, note, subject_id, at)
  VALUES ($1, $2, $3, $4::jsonb, $5, $6, coalesce($7::timestamptz, now()))`,
  [measureId, actor.id, kind, JSON.stringify(changes), opts.note ?? null, opts.subjectId ?? null, opts.at ?? null]);
}
