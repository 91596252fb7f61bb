import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { KeyFigureStatus } from './key-figure-rules.js';

/**
 * The last evaluation of a key figure as one agency sees it. Visibility of developments depends
 * only on the viewer's agency (applyVisibility), so a result is cached per (key figure, agency) and
 * never shown to another agency. Only the leadership dashboard reads it, to count on/off track over
 * thousands of key figures within its latency budget; a single measure's key figures are always
 * counted live. Holds no counts a viewer could not see and no free text.
 */
@Entity('key_figure_evaluations')
export class KeyFigureEvaluation {
  @PrimaryColumn('uuid', { name: 'key_figure_id' }) keyFigureId: string;
  @PrimaryColumn('uuid', { name: 'viewer_agency_id' }) viewerAgencyId: string;
  /** The definition it was computed for (key figure version and measure start date). */
  @Column('text') fingerprint: string;
  @Column('timestamptz', { name: 'evaluated_at' }) evaluatedAt: Date;
  /** The Berlin date it was computed on: periods complete at midnight, so an older result is stale. */
  @Column('date', { name: 'evaluated_on' }) evaluatedOn: string;
  /**
   * The developments change counter (readDevelopmentChange) read before counting; once it moved on,
   * the result is stale. A bigint, kept as text.
   */
  @Column('bigint', { name: 'developments_change', nullable: true }) developmentsChange: string | null;
  @Column('text') status: KeyFigureStatus;
  @Column('boolean', { name: 'displacement_suspected', default: false }) displacementSuspected: boolean;
  @Column('boolean', { name: 'hidden_records', default: false }) hiddenRecords: boolean;
  @Column('double precision', { nullable: true }) wdq: number | null;
}
