import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A step of a measure ("realistic milestones", Dortmund task force). */
@Entity('milestones')
export class Milestone {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'measure_id' }) measureId: string;
  @Column('text') title: string;
  /** Berlin date. */
  @Column('date', { name: 'due_date' }) dueDate: string;
  @Column('boolean', { default: false }) done: boolean;
  @Column('timestamptz', { name: 'done_at', nullable: true }) doneAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
