import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Minutes per agenda item (issue 8: "Per agenda item: notes, decisions, and measures agreed").
 *
 * - rapport_minutes.agenda_item_id: the agenda item an entry belongs to; null for a free entry
 *   (e.g. "Verschiedenes"); at most one entry per item and revision. The agenda is frozen once the meeting is held (agenda.service), and
 *   entries exist only from then on, so the link is stable. Corrections copy it.
 * - measures.agenda_item_id becomes a real foreign key, like rapport_id did with the minutes.
 *   Measures recorded before agendas existed may name items that never existed (the column was
 *   unchecked); those links are cleared first.
 * - agenda_items.kind gains 'key_figures': measures whose key figures are off track or flagged by
 *   the displacement watch, computed per reader.
 * - rapports.agenda_version: the version of a meeting's agenda as a whole, raised by every change
 *   to it; a reorder (which names every item) must be based on the current one.
 * - escalations.merged_into_id: when a cancelled extended rapport hands its escalation back to
 *   'proposed' while its rule opened a newer proposal for the same scope, the newer one is
 *   dismissed as merged into the returning one (one open proposal per rule and scope).
 */
export class MinutesPerItem1765400000000 implements MigrationInterface {
  name = 'MinutesPerItem1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rapport_minutes ADD COLUMN agenda_item_id uuid REFERENCES agenda_items(id)`);
    // At most one entry per agenda item in each revision (the measures agreed under the item belong to it).
    await q.query(`CREATE UNIQUE INDEX rapport_minutes_agenda_item_key ON rapport_minutes (rapport_id, revision, agenda_item_id) WHERE agenda_item_id IS NOT NULL`);
    await q.query(`UPDATE measures m SET agenda_item_id = NULL WHERE agenda_item_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.id = m.agenda_item_id)`);
    await q.query(`ALTER TABLE measures ADD CONSTRAINT measures_agenda_item_fk FOREIGN KEY (agenda_item_id) REFERENCES agenda_items(id)`);
    await q.query(`CREATE INDEX measures_agenda_item_idx ON measures (agenda_item_id) WHERE agenda_item_id IS NOT NULL`);
    await q.query(`ALTER TABLE agenda_items DROP CONSTRAINT agenda_items_kind_check`);
    await q.query(`ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_kind_check CHECK (kind IN ('district', 'measures', 'escalations', 'key_figures', 'custom'))`);
    await q.query(`ALTER TABLE rapports ADD COLUMN agenda_version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE escalations ADD COLUMN merged_into_id uuid REFERENCES escalations(id), ADD CONSTRAINT escalations_merged_dismissed CHECK (merged_into_id IS NULL OR status = 'dismissed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE escalations DROP COLUMN merged_into_id`);
    await q.query(`ALTER TABLE rapports DROP COLUMN agenda_version`);
    await q.query(`DELETE FROM agenda_items WHERE kind = 'key_figures'`);
    await q.query(`ALTER TABLE agenda_items DROP CONSTRAINT agenda_items_kind_check`);
    await q.query(`ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_kind_check CHECK (kind IN ('district', 'measures', 'escalations', 'custom'))`);
    await q.query(`DROP INDEX measures_agenda_item_idx`);
    await q.query(`ALTER TABLE measures DROP CONSTRAINT measures_agenda_item_fk`);
    await q.query(`DROP INDEX rapport_minutes_agenda_item_key`);
    await q.query(`ALTER TABLE rapport_minutes DROP COLUMN agenda_item_id`);
  }
}
