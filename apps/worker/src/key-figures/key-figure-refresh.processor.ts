import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { MeasureDashboardService } from '#domain/measures/measure-dashboard.service.js';
import type { JobPayloads } from '#queue/queue-names.js';
import { JobHandler } from '../job-handler.decorator.js';

/**
 * Refreshes stale key-figure results for one visibility scope, asked for by the dashboard when more
 * than a few are stale. On shutdown it stops after the batch in hand, so that the worker can close.
 */
@Injectable()
export class KeyFigureRefreshProcessor implements BeforeApplicationShutdown {
  private stopping = false;

  constructor(private readonly dashboard: MeasureDashboardService) {}

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  @JobHandler('key-figures-refresh')
  async refresh(payload: JobPayloads['key-figures-refresh'] | { agencyId: string }): Promise<{ refreshed: number }> {
    // Jobs queued before the evaluations were keyed per visibility scope name the agency, whose
    // scope key is its id.
    const scope = 'scope' in payload ? payload.scope : payload.agencyId;
    return { refreshed: await this.dashboard.refreshStale(scope, () => this.stopping) };
  }
}
