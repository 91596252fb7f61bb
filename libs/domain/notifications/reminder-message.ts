import type { EntityManager } from 'typeorm';
import type { ReminderKind } from './reminder-kinds.js';
import type { Reminder, ReminderChannel } from './reminder.entity.js';
import type { RenderReads } from './render-reads.js';

/**
 * What a reminder says, rendered at send time from what Postgres holds then (German; records are
 * named by title only, never with free text of developments). The same message goes to every
 * channel: the inbox stores title/text/link, a mail uses them as subject/body, a webhook posts them.
 */
export interface ReminderMessage {
  title: string;
  text: string;
  /** A path into the product (e.g. /measures/<id>); mail and webhook make it absolute with PUBLIC_URL. */
  link: string;
  /** Mail only (e.g. the meeting's invite.ics); the inbox and webhooks link instead. */
  attachments?: Array<{ filename: string; contentType: string; content: string | Buffer }>;
}

/**
 * Renders one reminder for its recipient, reading through `reads` (primed for the whole batch: one
 * query per kind of record, not per reminder). Returns null when it no longer applies at send time (the
 * measure was finished meanwhile, the recipient lost access): the dispatcher withdraws it then.
 * It must only show what the recipient may see.
 */
export type ReminderRenderer = (reads: RenderReads, reminder: Reminder) => Promise<ReminderMessage | null>;

/**
 * A way out: the inbox, e-mail, an agency webhook. Throws DeliveryError for a failure worth retrying.
 * A channel with network I/O implements `deliver`: the dispatcher calls it outside any transaction
 * (no network I/O inside one) and marks the row sent after it returns. A channel that only writes
 * to Postgres (the inbox) also implements `deliverBatch`: the dispatcher then passes the transaction
 * that marks the batch sent, so the writes and the marks commit together (exactly once).
 */
export interface DeliveryChannel {
  readonly channel: ReminderChannel;
  deliver(m: EntityManager, reminder: Reminder, message: ReminderMessage): Promise<void>;
  deliverBatch?(m: EntityManager, items: ReadonlyArray<{ reminder: Reminder; message: ReminderMessage }>): Promise<void>;
}

/** A failed delivery: `code` is stable and content-free (it lands in reminders.last_error and the logs). */
export class DeliveryError extends Error {
  constructor(readonly code: string, readonly retryable = true) {
    super(code);
  }
}

export type RendererTable = Partial<Record<ReminderKind, ReminderRenderer>>;
