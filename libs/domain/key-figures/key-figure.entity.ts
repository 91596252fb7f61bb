import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { DevelopmentCategory } from '../developments/development-enums.js';
import type { DevelopmentMeasure } from '../developments/development-measure.js';
import type { KeyFigurePeriod, TargetKind } from './key-figure-rules.js';

/**
 * The definition of a key figure: which developments count (categories; places and/or districts,
 * or a circle), per week or month, the baseline length and the target. The figures themselves are
 * never stored as typed-in values: they are counted from the logged developments for each viewer.
 */
@Entity('key_figures')
export class KeyFigure {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'measure_id' }) measureId: string;
  @Column('text') name: string;
  @Column('text', { array: true }) categories: DevelopmentCategory[];
  @Column('uuid', { name: 'place_ids', array: true, default: () => `'{}'` }) placeIds: string[];
  @Column('uuid', { name: 'district_ids', array: true, default: () => `'{}'` }) districtIds: string[];
  @Column('double precision', { name: 'center_lat', nullable: true }) centerLat: number | null;
  @Column('double precision', { name: 'center_lon', nullable: true }) centerLon: number | null;
  @Column('integer', { name: 'radius_m', nullable: true }) radiusM: number | null;
  /** The buffer ring reaches from radiusM to bufferFactor x radiusM (displacement watch). */
  @Column('double precision', { name: 'buffer_factor', default: 2 }) bufferFactor: number;
  /** Control area of the displacement watch: this district, or (null) the rest of the city. */
  @Column('uuid', { name: 'control_district_id', nullable: true }) controlDistrictId: string | null;
  @Column('text') period: KeyFigurePeriod;
  /** Count the developments or sum their `count` (development-measure.ts). */
  @Column('text', { default: 'reports' }) measure: DevelopmentMeasure;
  @Column('smallint', { name: 'baseline_periods', default: 3 }) baselinePeriods: number;
  @Column('text', { name: 'target_kind' }) targetKind: TargetKind;
  @Column('double precision', { name: 'target_value' }) targetValue: number;
  @Column('date', { name: 'target_date' }) targetDate: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
