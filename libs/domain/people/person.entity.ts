import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import type { Role } from './role.js';

@Entity('people')
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId: string;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;

  /** Stored lower-case; unique. */
  @Column('text')
  email: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { array: true })
  roles: Role[];

  @Column('uuid', { name: 'deputy_id', nullable: true })
  deputyId: string | null;

  @Column('boolean', { default: true })
  active: boolean;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash?: string;

  /**
   * False while the password is one someone else set (an admin's initial password or reset): the
   * access confirmation waits until the person chose their own.
   */
  @Column('boolean', { name: 'password_chosen_by_self', default: true })
  passwordChosenBySelf: boolean;

  /**
   * When a leadership person of the agency confirmed this person's access to the agency's
   * restricted records; null while a new account or a new role waits for it (four-eyes, issue 7).
   */
  @Column('timestamptz', { name: 'access_confirmed_at', nullable: true })
  accessConfirmedAt: Date | null;

  /** Who confirmed (null for accounts that existed before the rule, and for the demo city). */
  @Column('uuid', { name: 'access_confirmed_by', nullable: true })
  accessConfirmedBy: string | null;

  /** Who made the change that waits for confirmation (creation, new role): never the confirmer. */
  @Column('uuid', { name: 'access_changed_by', nullable: true })
  accessChangedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
