import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { KeyFigureStatus } from './key-figure-rules.js';

/**
 * The last evaluation of a key figure as one visibility scope sees it. Which developments a viewer
 * sees depends only on their scope (visibilityScope: the agency once its leadership confirmed the
 * viewer's access, else 'all'), so a result is cached per (key figure, scope) and never shown to
 * a viewer of another scope. Only the leadership dashboard reads it, to count on/off track over
 * thousands of key figures within its latency budget; a single measure's key figures are always
 * counted live. Holds no counts a viewer could not see and no free text.
 */
@Entity('key_figure_evaluations')
export class KeyFigureEvaluation {
  @PrimaryColumn('uuid', { name: 'key_figure_id' }) keyFigureId: string;
  /** visibilityScope() of the viewers it was computed for: an agency id, or 'all'. */
  @PrimaryColumn('text', { name: 'viewer_scope' }) viewerScope: string;
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
  @Column('double precision', { nullable: true }) wdq: number | null;
}
