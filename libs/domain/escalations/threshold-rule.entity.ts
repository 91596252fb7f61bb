import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import type { DevelopmentCategory } from '../developments/development-enums.js';
import { District } from '../places/district.entity.js';
import { Place } from '../places/place.entity.js';
import type { RuleScopeKind } from './escalation-enums.js';

/**
 * A threshold rule (coordinators keep them): when the developments of its categories in its scope
 * reach minCount within windowDays, or rise by risePercent against the window before, the worker
 * proposes an escalation. Exactly one of minCount and risePercent is set (CHECK in the table).
 */
@Entity('threshold_rules')
export class ThresholdRule {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { array: true }) categories: DevelopmentCategory[];
  @Column('text', { name: 'scope_kind' }) scopeKind: RuleScopeKind;
  @Column('uuid', { name: 'district_id', nullable: true }) districtId: string | null;
  @ManyToOne(() => District) @JoinColumn({ name: 'district_id' }) district?: Relation<District> | null;
  @Column('uuid', { name: 'place_id', nullable: true }) placeId: string | null;
  @ManyToOne(() => Place) @JoinColumn({ name: 'place_id' }) place?: Relation<Place> | null;
  @Column('integer', { name: 'window_days' }) windowDays: number;
  @Column('integer', { name: 'min_count', nullable: true }) minCount: number | null;
  @Column('integer', { name: 'rise_percent', nullable: true }) risePercent: number | null;
  @Column('boolean', { default: true }) active: boolean;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
