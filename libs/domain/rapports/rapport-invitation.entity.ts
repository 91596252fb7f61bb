import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Person } from '../people/person.entity.js';

export const INVITATION_VIAS = ['agency', 'person', 'deputy'] as const;
export type InvitationVia = (typeof INVITATION_VIAS)[number];
export const INVITATION_RESPONSES = ['pending', 'accepted', 'declined', 'tentative', 'delegated'] as const;
export type InvitationResponse = (typeof INVITATION_RESPONSES)[number];
/** What an invitee may answer; 'delegated' is what "delegate" (send the deputy) leaves behind. */
export const ANSWERS = ['accept', 'decline', 'tentative', 'delegate'] as const;
export type Answer = (typeof ANSWERS)[number];
export const ATTENDANCES = ['present', 'excused', 'absent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/** One invited person of one meeting: invited for their agency, by name, or as someone's deputy. */
@Entity('rapport_invitations')
export class RapportInvitation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'rapport_id' }) rapportId: string;
  @Column('uuid', { name: 'person_id' }) personId: string;
  @ManyToOne(() => Person) @JoinColumn({ name: 'person_id' }) person?: Relation<Person>;
  @Column('text') via: InvitationVia;
  /** The participating agency whose liaison this is (via 'agency'). */
  @Column('uuid', { name: 'agency_id', nullable: true }) agencyId: string | null;
  /** The invitation that sent this deputy (via 'deputy'). */
  @Column('uuid', { name: 'delegated_from_id', nullable: true }) delegatedFromId: string | null;
  @Column('text', { default: 'pending' }) response: InvitationResponse;
  @Column('timestamptz', { name: 'responded_at', nullable: true }) respondedAt: Date | null;
  @Column('text', { nullable: true }) attendance: Attendance | null;
  @Column('timestamptz', { name: 'attendance_recorded_at', nullable: true }) attendanceRecordedAt: Date | null;
  @Column('uuid', { name: 'attendance_recorded_by', nullable: true }) attendanceRecordedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
