import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily mail digest (issue 9): a person with mail_mode 'daily_digest' gets their e-mail
 * reminders as 'batched' rows, and once a day one mail_daily_digest row lists them.
 *
 * - reminders.digest_id: which digest a batched row went into, fixed when the digest is planned,
 *   so that the mail lists exactly the rows that are marked sent with it (a row batched later
 *   waits for the next day).
 * - A trigger marks a digest's batched rows sent in the same statement, hence the same
 *   transaction, that marks the digest sent, whoever does it (the digest job, or the dispatcher
 *   after a crash or a retry): no digest is sent without its rows being settled, no row is settled
 *   without the digest being sent.
 */
export class MailDigest1765700000000 implements MigrationInterface {
  name = 'MailDigest1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reminders ADD COLUMN digest_id uuid REFERENCES reminders(id)`);
    await q.query(`CREATE INDEX reminders_digest ON reminders (digest_id) WHERE digest_id IS NOT NULL`);
    await q.query(`CREATE INDEX reminders_batched ON reminders (recipient_id) WHERE state = 'batched'`);
    await q.query(`
      CREATE FUNCTION reminders_digest_sent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE reminders SET state = 'sent', sent_at = NEW.sent_at, late = NEW.late, updated_at = now()
         WHERE digest_id = NEW.id AND state = 'batched';
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER reminders_digest_sent AFTER UPDATE OF state ON reminders
        FOR EACH ROW WHEN (NEW.kind = 'mail_daily_digest' AND NEW.state = 'sent' AND OLD.state IS DISTINCT FROM 'sent')
        EXECUTE FUNCTION reminders_digest_sent()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER reminders_digest_sent ON reminders`);
    await q.query(`DROP FUNCTION reminders_digest_sent()`);
    await q.query(`DROP INDEX reminders_batched`);
    await q.query(`DROP INDEX reminders_digest`);
    await q.query(`ALTER TABLE reminders DROP COLUMN digest_id`);
  }
}
