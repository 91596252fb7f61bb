import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and notifications (issue 9). Postgres is the truth:
 *
 * - reminders: the ledger. Every planned reminder is one row (kind, subject, recipient, channel,
 *   due time, state), planned in the same transaction as the change that causes it. The unique key
 *   makes a second row for the same reminder impossible; BullMQ jobs carry the row id only and can
 *   always be rebuilt from the pending rows (the scan). A row never goes back from sent.
 *   States: pending -> sending (claimed by a worker, lease in claimed_at) -> sent | failed;
 *   pending -> withdrawn (no longer applies); pending -> batched (waits for the person's daily mail digest).
 *   A person's rows have recipient_id; an agency webhook's rows have agency_id.
 * - notifications: the in-app inbox. One row per delivered inbox reminder (reminder_id unique), so
 *   the insert and the ledger's "sent" commit together.
 * - notification_settings: per person, the channels per kind group and the mail mode.
 * - agency_webhooks: optional, per agency: URL and the HMAC secret (stored as is: it must sign).
 */
export class Reminders1765500000000 implements MigrationInterface {
  name = 'Reminders1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
        subject_type text NOT NULL CHECK (subject_type IN ('measure', 'milestone', 'rapport', 'escalation', 'digest')),
        subject_id uuid,
        occurrence text NOT NULL DEFAULT '' CHECK (length(occurrence) <= 60),
        recipient_id uuid REFERENCES people(id),
        agency_id uuid REFERENCES agencies(id),
        channel text NOT NULL CHECK (channel IN ('inbox', 'email', 'webhook')),
        due_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'withdrawn', 'batched')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        claimed_at timestamptz,
        claim_token uuid,
        last_error text CHECK (length(last_error) <= 200),
        sent_at timestamptz,
        late boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((recipient_id IS NULL) <> (agency_id IS NULL)),
        CHECK ((channel = 'webhook') = (agency_id IS NOT NULL)),
        CHECK ((state = 'sent') = (sent_at IS NOT NULL)),
        CONSTRAINT reminders_once UNIQUE NULLS NOT DISTINCT (kind, subject_type, subject_id, occurrence, recipient_id, agency_id, channel)
      )`);
    await q.query(`CREATE INDEX reminders_due ON reminders ((coalesce(next_attempt_at, due_at)), id) WHERE state = 'pending'`);
    await q.query(`CREATE INDEX reminders_claimed ON reminders (claimed_at) WHERE state = 'sending'`);
    await q.query(`CREATE INDEX reminders_subject ON reminders (subject_type, subject_id)`);
    await q.query(`CREATE INDEX reminders_state ON reminders (state, updated_at DESC, id)`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id),
        reminder_id uuid NOT NULL UNIQUE REFERENCES reminders(id),
        kind text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
        link text NOT NULL DEFAULT '' CHECK (length(link) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_inbox ON notifications (person_id, (read_at IS NULL) DESC, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread ON notifications (person_id) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE notification_settings (
        person_id uuid PRIMARY KEY REFERENCES people(id),
        channels jsonb NOT NULL DEFAULT '{}'::jsonb,
        mail_mode text NOT NULL DEFAULT 'single' CHECK (mail_mode IN ('single', 'daily_digest')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);

    await q.query(`
      CREATE TABLE agency_webhooks (
        agency_id uuid PRIMARY KEY REFERENCES agencies(id),
        url text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
        secret text NOT NULL CHECK (length(secret) BETWEEN 32 AND 200),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agency_webhooks`);
    await q.query(`DROP TABLE notification_settings`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE reminders`);
  }
}
