/**
 * Every queue, job name and payload type, declared once. Payloads carry ids only: the consumer
 * re-reads Postgres (ARCHITECTURE.md, convention 8). The worker refuses to start when a job name
 * here has no handler, or two.
 */
export const QUEUES = {
  maintenance: 'maintenance',
  keyFigures: 'key-figures',
  escalations: 'escalations',
  notifications: 'notifications',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  /** Periodic proof that API/worker -> queue -> Postgres works. */
  heartbeat: Record<string, never>;
  /** Periodic: delete long-ended sessions with their refresh tokens, and login failures past the window. */
  'auth-prune': Record<string, never>;
  /** Recompute the stale key-figure results as this agency sees them (visibility is per agency). */
  /** A visibility scope (visibilityScope(): an agency id, or 'all'), not a person. */
  'key-figures-refresh': { scope: string };
  /** Evaluate the threshold rules a newly logged development can concern (the id only; the worker re-reads it). */
  'escalation-rules-evaluate': { developmentId: string };
  /** Periodic: evaluate every active threshold rule; catches what a lost evaluate job missed. */
  'escalation-rules-sweep': Record<string, never>;
  /** Periodic: give every active rapport series a meeting ahead (the series' next slot). */
  'rapport-series-ensure': Record<string, never>;
  /** Deliver the reminders due by now, woken at the end of a due-time bucket (its end, epoch ms; the job id names it too). The worker claims the due rows from the ledger. */
  'reminders-deliver-due': { bucket: number };
  /** Periodic: enqueue due and soon-due pending reminders, put orphaned claims back (the reconciler). */
  'reminders-scan': Record<string, never>;
  /** Periodic: after REMINDER_HOUR (Berlin), turn each person's batched e-mail reminders into one digest mail per day. */
  'mail-daily-digest': Record<string, never>;
  /** Periodic: plan the weekly leadership digests (this and next ISO week) into the reminder ledger. */
  'leadership-digest': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  heartbeat: QUEUES.maintenance,
  'auth-prune': QUEUES.maintenance,
  'key-figures-refresh': QUEUES.keyFigures,
  'escalation-rules-evaluate': QUEUES.escalations,
  'escalation-rules-sweep': QUEUES.escalations,
  'rapport-series-ensure': QUEUES.maintenance,
  'reminders-deliver-due': QUEUES.notifications,
  'reminders-scan': QUEUES.notifications,
  'mail-daily-digest': QUEUES.notifications,
  'leadership-digest': QUEUES.maintenance,
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];
