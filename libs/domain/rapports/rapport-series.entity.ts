import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * A series of regular rapports: an RFC 5545 RRULE (without DTSTART) plus the first date and the
 * wall-clock time in Europe/Berlin; the meetings are expanded from it (recurrence.ts).
 */
@Entity('rapport_series')
export class RapportSeries {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('text') rrule: string;
  /** Berlin date of the first possible meeting. */
  @Column('date', { name: 'start_date' }) startDate: string;
  /** Berlin wall-clock time "HH:MM". */
  @Column('text', { name: 'start_time' }) startTime: string;
  @Column('text', { name: 'time_zone', default: 'Europe/Berlin' }) timeZone: string;
  @Column('text') location: string;
  @Column('integer', { name: 'duration_minutes' }) durationMinutes: number;
  @Column('uuid', { name: 'agency_ids', array: true }) agencyIds: string[];
  @Column('boolean', { default: true }) active: boolean;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
