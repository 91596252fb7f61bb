import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar data (issue 8):
 * - rapports.sequence is the iCalendar SEQUENCE: it rises when a meeting is moved, relocated or
 *   cancelled, so that calendar clients replace their copy instead of keeping the old one.
 * - rapports.convened_by is the coordinator who convened the meeting: the ORGANIZER of its invitation
 *   (meetings convened before this migration get a neutral organizer).
 * - calendar_feeds: one personal feed per person; only the SHA-256 of the secret token is stored,
 *   so a database reader cannot subscribe to anyone's feed. Regenerating replaces the row, deleting
 *   it revokes the feed.
 */
export class Calendar1765000000000 implements MigrationInterface {
  name = 'Calendar1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rapports ADD COLUMN sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0)`);
    await q.query(`ALTER TABLE rapports ADD COLUMN convened_by uuid REFERENCES people(id)`);
    await q.query(`
      CREATE TABLE calendar_feeds (
        person_id uuid PRIMARY KEY REFERENCES people(id),
        token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calendar_feeds_token_hash_key UNIQUE (token_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feeds`);
    await q.query(`ALTER TABLE rapports DROP COLUMN convened_by`);
    await q.query(`ALTER TABLE rapports DROP COLUMN sequence`);
  }
}
