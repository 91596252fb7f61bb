import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * One entry of a meeting's minutes in one revision. heading, notes and decisions are free text:
 * never logged, only marked as changed in the audit trail. A correction after publishing is a new
 * revision whose entries link to the ones they replace (`previousId`); published rows never change.
 * An entry belongs to one item of the meeting's agenda (`agendaItemId`), or to none (a free entry,
 * e.g. "Verschiedenes"); measures agreed under it carry the same agenda item.
 */
@Entity('rapport_minutes')
export class MinutesEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'rapport_id' }) rapportId: string;
  @Column('uuid', { name: 'agenda_item_id', nullable: true }) agendaItemId: string | null;
  @Column('integer') revision: number;
  @Column('integer') position: number;
  @Column('text', { nullable: true }) heading: string | null;
  @Column('text') notes: string;
  @Column('text') decisions: string;
  @Column('uuid', { name: 'previous_id', nullable: true }) previousId: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
