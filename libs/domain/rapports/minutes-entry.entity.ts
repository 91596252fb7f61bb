import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * One entry of a meeting's minutes in one revision. heading, notes and decisions are free text:
 * never logged, only marked as changed in the audit trail. A correction after publishing is a new
 * revision whose entries link to the ones they replace (`previousId`); published rows never change.
 */
@Entity('rapport_minutes')
export class MinutesEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'rapport_id' }) rapportId: string;
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
