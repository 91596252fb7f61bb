import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Failed logins per client IP, for the per-IP throttle (the per-account count is on the person). */
@Entity('login_failures')
export class LoginFailure {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('text')
  ip: string;

  @Column('timestamptz', { name: 'failed_at', default: () => 'now()' })
  failedAt: Date;
}
