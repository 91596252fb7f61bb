import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Person } from '../people/person.entity.js';

export const MEASURE_EVENT_KINDS = [
  'created', 'updated', 'status_changed', 'progress_note',
  'milestone_added', 'milestone_updated', 'key_figure_added', 'key_figure_updated', 'key_figure_removed',
] as const;
export type MeasureEventKind = (typeof MEASURE_EVENT_KINDS)[number];

/** Field -> { old, new } for structured fields; free-text fields only { changed: true }. */
export type MeasureEventChanges = Record<string, { old?: unknown; new?: unknown; changed?: true }>;

/**
 * The measure's own history, shown to the participants (oldest first). Unlike the audit trail it
 * holds the text of progress notes and status reasons: that is what the participants read. Append-only.
 */
@Entity('measure_events')
export class MeasureEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'measure_id' }) measureId: string;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
  @Column('uuid', { name: 'actor_id' }) actorId: string;
  @ManyToOne(() => Person) @JoinColumn({ name: 'actor_id' }) actor?: Relation<Person>;
  @Column('text') kind: MeasureEventKind;
  @Column('jsonb', { default: () => `'{}'::jsonb` }) changes: MeasureEventChanges;
  /** Progress note, status reason or completion note (free text). */
  @Column('text', { nullable: true }) note: string | null;
  /** The milestone or key figure the event is about. */
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId: string | null;
}
