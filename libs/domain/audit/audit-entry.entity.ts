import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditAction = 'create' | 'update' | 'deactivate' | 'reactivate' | 'read' | 'export' | 'login' | 'logout' | 'password_change' | 'withdraw' | 'confirm_access' | 'delete';

/** Field -> { old, new }. Free-text fields are recorded as { changed: true } without their values. */
export type AuditChanges = Record<string, { old?: unknown; new?: unknown; changed?: true }>;

/** Append-only: a database trigger refuses UPDATE and DELETE on this table. */
@Entity('audit_entries')
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('text')
  action: AuditAction;

  @Column('text', { name: 'entity_type' })
  entityType: string;

  @Column('text', { name: 'entity_id' })
  entityId: string;

  @Column('jsonb', { default: () => `'{}'::jsonb` })
  changes: AuditChanges;

  @Column('text', { name: 'request_id', nullable: true })
  requestId: string | null;
}
