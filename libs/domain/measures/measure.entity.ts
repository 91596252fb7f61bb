import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { Person } from '../people/person.entity.js';
import type { MeasurePriority, MeasureStatus } from './measure-status.js';

/**
 * A measure (Maßnahme/Vereinbarung) agreed in a rapport. `description`, `statusReason` and
 * `completionNote` are free text: never logged, never copied into the audit trail's values.
 * "Overdue" is not a column: it is derived from status and deadline (measure-status.ts).
 */
@Entity('measures')
export class Measure {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('text', { default: '' }) description: string;
  @Column('uuid', { name: 'owning_agency_id' }) owningAgencyId: string;
  @ManyToOne(() => Agency) @JoinColumn({ name: 'owning_agency_id' }) owningAgency?: Relation<Agency>;
  @Column('uuid', { name: 'responsible_id' }) responsibleId: string;
  @ManyToOne(() => Person) @JoinColumn({ name: 'responsible_id' }) responsible?: Relation<Person>;
  @Column('uuid', { name: 'deputy_id', nullable: true }) deputyId: string | null;
  @ManyToOne(() => Person) @JoinColumn({ name: 'deputy_id' }) deputy?: Relation<Person> | null;
  /** Berlin date the measure started (key-figure baselines end here); defaults to the creation date. */
  @Column('date', { name: 'start_date' }) startDate: string;
  /** Berlin date; overdue from the day after. */
  @Column('date') deadline: string;
  @Column('text', { default: 'normal' }) priority: MeasurePriority;
  @Column('text', { default: 'planned' }) status: MeasureStatus;
  /** Why it is blocked or cancelled (free text); cleared when it moves on. */
  @Column('text', { name: 'status_reason', nullable: true }) statusReason: string | null;
  @Column('text', { name: 'completion_note', nullable: true }) completionNote: string | null;
  @Column('timestamptz', { name: 'status_changed_at', default: () => 'now()' }) statusChangedAt: Date;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
  @Column('uuid', { name: 'place_ids', array: true, default: () => `'{}'` }) placeIds: string[];
  @Column('uuid', { name: 'district_ids', array: true, default: () => `'{}'` }) districtIds: string[];
  /** Plain ids without foreign keys until the rapport issue lands (then a migration adds them). */
  @Column('uuid', { name: 'rapport_id', nullable: true }) rapportId: string | null;
  @Column('uuid', { name: 'agenda_item_id', nullable: true }) agendaItemId: string | null;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
