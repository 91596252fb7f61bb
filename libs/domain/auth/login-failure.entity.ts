import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed (or still undecided) password check. Counted per client IP and per submitted e-mail
 * address (normalised, whether or not an account has it); see LoginThrottleService.
 */
@Entity('login_failures')
export class LoginFailure {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('text')
  ip: string;

  /** Null once a successful sign-in or a password reset has cleared the address's count. */
  @Column('text', { nullable: true })
  email: string | null;

  @Column('timestamptz', { name: 'failed_at', default: () => 'now()' })
  failedAt: Date;
}
