import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { EscalationRulesService } from '#domain/escalations/escalation-rules.service.js';
import type { JobPayloads } from '#queue/queue-names.js';
import { JobHandler } from '../job-handler.decorator.js';

/** Every 15 minutes: a missed evaluate job delays a proposal by at most this long. */
export const ESCALATION_SWEEP_INTERVAL_MS = 15 * 60_000;

/** Evaluates the threshold rules: for each new development, and periodically for all (issue 8). */
@Injectable()
export class EscalationRulesProcessor implements BeforeApplicationShutdown {
  private stopping = false;

  constructor(private readonly rules: EscalationRulesService) {}

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  @JobHandler('escalation-rules-evaluate')
  async evaluate(payload: JobPayloads['escalation-rules-evaluate']): Promise<{ opened: number }> {
    return { opened: (await this.rules.evaluateForDevelopment(payload.developmentId)).length };
  }

  /** Stops between rules on shutdown; the next run starts over (evaluation is idempotent). */
  @JobHandler('escalation-rules-sweep')
  async sweep(): Promise<{ opened: number }> {
    return { opened: (await this.rules.evaluateAll(new Date(), () => this.stopping)).length };
  }
}
