/**
 * Every queue, job name and payload type, declared once. Payloads carry ids only: the consumer
 * re-reads Postgres (ARCHITECTURE.md, convention 8). The worker refuses to start when a job name
 * here has no handler, or two.
 */
export const QUEUES = {
  maintenance: 'maintenance',
  keyFigures: 'key-figures',
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
  /** Periodic: give every active rapport series a meeting ahead (the series' next slot). */
  'rapport-series-ensure': Record<string, never>;
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  heartbeat: QUEUES.maintenance,
  'auth-prune': QUEUES.maintenance,
  'key-figures-refresh': QUEUES.keyFigures,
  'rapport-series-ensure': QUEUES.maintenance,
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];
