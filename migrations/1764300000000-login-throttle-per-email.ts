import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7 §3: failed sign-ins are counted per submitted e-mail address (whether or not an account
 * has it), so that an unknown address locks exactly like a real one. The per-person counter and
 * lock columns are replaced by rows in login_failures; the failed_at index serves the pruning job.
 */
export class LoginThrottlePerEmail1764300000000 implements MigrationInterface {
  name = 'LoginThrottlePerEmail1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // No CHECK (email = lower(email)): the code normalises with JavaScript's toLowerCase, which
    // differs from the database's lower() for some letters, and a sign-in must never fail on that.
    await q.query(`ALTER TABLE login_failures ADD COLUMN email text`);
    await q.query(`CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at) WHERE email IS NOT NULL`);
    await q.query(`CREATE INDEX login_failures_failed_at_idx ON login_failures (failed_at)`);
    await q.query(`ALTER TABLE people DROP COLUMN failed_login_count, DROP COLUMN locked_until`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE people ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz`);
    await q.query(`DROP INDEX login_failures_failed_at_idx`);
    await q.query(`DROP INDEX login_failures_email_idx`);
    await q.query(`ALTER TABLE login_failures DROP COLUMN email`);
  }
}
