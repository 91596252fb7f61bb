import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const AGENDA_ITEM_KINDS = ['district', 'measures', 'escalations', 'key_figures', 'custom'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/**
 * What an item was built from: ids only, never counts (they depend on the reader). A district item
 * keeps its period [since, until) so that its counts and the period before can be computed for
 * each reader; a custom item (added by a coordinator) has an empty source.
 */
export interface AgendaItemSource {
  districtId?: string;
  since?: string;
  until?: string;
  developmentIds?: string[];
  measureIds?: string[];
  escalationIds?: string[];
}

/** One item of a meeting's agenda (agenda.service.ts). */
@Entity('agenda_items')
export class AgendaItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'rapport_id' }) rapportId: string;
  @Column('integer') position: number;
  @Column('text') title: string;
  @Column('text') kind: AgendaItemKind;
  @Column('jsonb', { default: () => `'{}'::jsonb` }) source: AgendaItemSource;
  /** Null when generated on convene. */
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
