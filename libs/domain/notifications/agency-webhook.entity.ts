import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** An agency's optional webhook (e.g. into its chat tool): POSTs signed with HMAC-SHA256. */
@Entity('agency_webhooks')
export class AgencyWebhook {
  @PrimaryColumn('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text') url: string;
  /** Never returned by the API after creation and never logged. */
  @Column('text', { select: false }) secret?: string;
  @Column('boolean', { default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
