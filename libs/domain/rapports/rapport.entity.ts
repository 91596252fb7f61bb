import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { RapportKind, RapportStatus } from './rapport-status.js';

/**
 * A meeting (Rapport). A regular one belongs to a series and keeps the slot it was expanded for in
 * `occurrenceStart` even when it is moved (`startsAt`), so that the series never fills that slot
 * twice. `cancelReason` is free text: never logged, only marked as changed in the audit trail.
 */
@Entity('rapports')
export class Rapport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: RapportKind;
  @Column('uuid', { name: 'series_id', nullable: true }) seriesId: string | null;
  @Column('timestamptz', { name: 'occurrence_start', nullable: true }) occurrenceStart: Date | null;
  @Column('text') title: string;
  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt: Date;
  @Column('text') location: string;
  /** The goal statement of an extended rapport (null for a regular one). Free text: never logged. */
  @Column('text', { nullable: true }) goal: string | null;
  @Column('text', { default: 'planned' }) status: RapportStatus;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason: string | null;
  @Column('uuid', { name: 'agency_ids', array: true }) agencyIds: string[];
  /** iCalendar SEQUENCE: rises when the meeting is moved, relocated or cancelled. */
  @Column('integer', { default: 0 }) sequence: number;
  /** The coordinator who convened it (the ORGANIZER of its invitation). */
  @Column('uuid', { name: 'convened_by', nullable: true }) convenedBy: string | null;
  @Column('timestamptz', { name: 'status_changed_at', default: () => 'now()' }) statusChangedAt: Date;
  /** Null when the worker expanded it from the series. */
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
