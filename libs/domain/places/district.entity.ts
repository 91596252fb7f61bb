import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** GeoJSON Polygon (WGS84): [ring][point][lon, lat]; the first ring is the outer boundary. */
export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}

@Entity('districts')
export class District {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') code: string;
  @Column('jsonb', { nullable: true }) boundary: GeoJsonPolygon | null;
  /** Bounding box of the boundary: an indexed prefilter before the point-in-polygon test. */
  @Column('double precision', { name: 'min_lat', nullable: true }) minLat: number | null;
  @Column('double precision', { name: 'max_lat', nullable: true }) maxLat: number | null;
  @Column('double precision', { name: 'min_lon', nullable: true }) minLon: number | null;
  @Column('double precision', { name: 'max_lon', nullable: true }) maxLon: number | null;
  @Column('boolean', { default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
