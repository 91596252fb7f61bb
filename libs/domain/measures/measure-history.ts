import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { MeasureEvent, MeasureEventChanges, MeasureEventKind } from './measure-event.entity.js';

/**
 * Appends one entry to a measure's history. Called inside the transaction of the change itself
 * (with its EntityManager), so that a change without its history entry cannot commit.
 */
export async function recordMeasureEvent(
  m: EntityManager,
  actor: Pick<Actor, 'id'>,
  measureId: string,
  kind: MeasureEventKind,
  changes: MeasureEventChanges = {},
  opts: { note?: string | null; subjectId?: string | null; at?: Date } = {},
): Promise<void> {
  const event = m.create(MeasureEvent, {
    measureId, actorId: actor.id, kind, changes, note: opts.note ?? null, subjectId: opts.subjectId ?? null, ...(opts.at ? { at: opts.at } : {}),
  });
  await m.save(MeasureEvent, event, { reload: false });
}
