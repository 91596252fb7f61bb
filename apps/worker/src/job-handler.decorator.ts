import { SetMetadata } from '@nestjs/common';
import type { JobName } from '#queue/queue-names.js';

export const JOB_HANDLER_KEY = 'drogenrapport:job-handler';

/** Marks a provider method as the handler of a job name; found at start by the JobRunner. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER_KEY, name);
