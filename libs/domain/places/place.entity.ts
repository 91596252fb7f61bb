import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import { District } from './district.entity.js';
import type { PlaceKind, SensitiveKind } from './place-kind.js';

@Entity('places')
export class Place {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') kind: PlaceKind;
  @Column('text', { name: 'sensitive_kind', nullable: true }) sensitiveKind: SensitiveKind | null;
  @Column('double precision') lat: number;
  @Column('double precision') lon: number;
  @Column('uuid', { name: 'district_id', nullable: true }) districtId: string | null;
  @ManyToOne(() => District) @JoinColumn({ name: 'district_id' }) district?: Relation<District> | null;
  @Column('text', { nullable: true }) address: string | null;
  @Column('boolean', { default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
