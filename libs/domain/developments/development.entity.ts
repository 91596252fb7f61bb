import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { District } from '../places/district.entity.js';
import { Place } from '../places/place.entity.js';
import type { DevelopmentCategory, Visibility } from './development-enums.js';

/**
 * What an agency observed (Lagemeldung). Holds no personal data about drug users; `description` is
 * free text and never goes into logs, job payloads or the audit trail's values.
 */
@Entity('developments')
export class Development {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') category: DevelopmentCategory;
  @Column('timestamptz', { name: 'observed_at' }) observedAt: Date;
  @Column('uuid', { name: 'place_id', nullable: true }) placeId: string | null;
  @ManyToOne(() => Place) @JoinColumn({ name: 'place_id' }) place?: Relation<Place> | null;
  @Column('double precision') lat: number;
  @Column('double precision') lon: number;
  @Column('uuid', { name: 'district_id', nullable: true }) districtId: string | null;
  @ManyToOne(() => District) @JoinColumn({ name: 'district_id' }) district?: Relation<District> | null;
  @Column('integer', { nullable: true }) count: number | null;
  @Column('text', { array: true, default: () => `'{}'` }) substances: string[];
  @Column('smallint') severity: number;
  @Column('text', { default: '' }) description: string;
  @Column('uuid', { name: 'reporting_agency_id' }) reportingAgencyId: string;
  @ManyToOne(() => Agency) @JoinColumn({ name: 'reporting_agency_id' }) reportingAgency?: Relation<Agency>;
  @Column('uuid', { name: 'reporter_id' }) reporterId: string;
  @Column('text') visibility: Visibility;
  @Column('uuid', { name: 'visible_agency_ids', array: true, default: () => `'{}'` }) visibleAgencyIds: string[];
  @Column('uuid', { name: 'nearest_sensitive_place_id', nullable: true }) nearestSensitivePlaceId: string | null;
  @ManyToOne(() => Place) @JoinColumn({ name: 'nearest_sensitive_place_id' }) nearestSensitivePlace?: Relation<Place> | null;
  @Column('integer', { name: 'nearest_sensitive_distance_m', nullable: true }) nearestSensitiveDistanceM: number | null;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
  @Column('uuid', { name: 'withdrawn_by', nullable: true }) withdrawnBy: string | null;
  @Column('text', { name: 'withdrawal_reason', nullable: true }) withdrawalReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
