import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An item of a person's in-app inbox: what an inbox reminder became when delivered (one per
 * reminder). title/body are generated German text naming records by title only (no free text of
 * developments), fixed at delivery.
 */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'person_id' }) personId: string;
  @Column('uuid', { name: 'reminder_id' }) reminderId: string;
  @Column('text') kind: string;
  @Column('text', { name: 'subject_type' }) subjectType: string;
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId: string | null;
  @Column('text') title: string;
  @Column('text', { default: '' }) body: string;
  /** A path into the product, e.g. /measures/<id>. */
  @Column('text', { default: '' }) link: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt: Date | null;
}
