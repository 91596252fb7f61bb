import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { Person } from '../people/person.entity.js';
import type { EscalationReason, EscalationStatus } from './escalation-enums.js';
import { ThresholdRule } from './threshold-rule.entity.js';

/**
 * Why a situation needs the extended rapport: raised by a person (raisedBy, with a short text) or
 * proposed by a threshold rule for one scope (rule + scopeId: the district, place or sensitive place).
 * `text` and `dismissalReason` are free text: never in logs, job payloads or audit values.
 * The linked developments are in escalation_developments; read them only through the visibility predicate.
 */
@Entity('escalations')
export class Escalation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') reason: EscalationReason;
  @Column('text', { nullable: true }) text: string | null;
  @Column('text', { default: 'proposed' }) status: EscalationStatus;
  @Column('uuid', { name: 'raised_by', nullable: true }) raisedBy: string | null;
  @ManyToOne(() => Person) @JoinColumn({ name: 'raised_by' }) raiser?: Relation<Person> | null;
  @Column('uuid', { name: 'raised_by_agency_id', nullable: true }) raisedByAgencyId: string | null;
  @ManyToOne(() => Agency) @JoinColumn({ name: 'raised_by_agency_id' }) raiserAgency?: Relation<Agency> | null;
  @Column('uuid', { name: 'rule_id', nullable: true }) ruleId: string | null;
  @ManyToOne(() => ThresholdRule) @JoinColumn({ name: 'rule_id' }) rule?: Relation<ThresholdRule> | null;
  @Column('uuid', { name: 'scope_id', nullable: true }) scopeId: string | null;
  @Column('uuid', { name: 'dismissed_by', nullable: true }) dismissedBy: string | null;
  @Column('timestamptz', { name: 'dismissed_at', nullable: true }) dismissedAt: Date | null;
  @Column('text', { name: 'dismissal_reason', nullable: true }) dismissalReason: string | null;
  /** Dismissed as merged into this escalation (which returned to proposed when its extended rapport was cancelled). */
  @Column('uuid', { name: 'merged_into_id', nullable: true }) mergedIntoId: string | null;
  /** The extended rapport convened for it (convened and resolved only). */
  @Column('uuid', { name: 'rapport_id', nullable: true }) rapportId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
