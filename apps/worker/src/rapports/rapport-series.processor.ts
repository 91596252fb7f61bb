import { Injectable } from '@nestjs/common';
import { RapportSeriesService } from '#domain/rapports/rapport-series.service.js';
import { JobHandler } from '../job-handler.decorator.js';

/**
 * Hourly is plenty: creating, reactivating a series and holding or cancelling a meeting plan the
 * next meeting at once (same transaction); this pass only catches what time alone changes (a
 * planned meeting that passed without being held or cancelled) and anything missed.
 */
export const RAPPORT_SERIES_ENSURE_INTERVAL_MS = 60 * 60_000;

/** Keeps a meeting ahead for every active series; the unique slot key makes a double run harmless. */
@Injectable()
export class RapportSeriesProcessor {
  constructor(private readonly series: RapportSeriesService) {}

  @JobHandler('rapport-series-ensure')
  ensure(): Promise<{ series: number; created: number }> {
    return this.series.ensureAllUpcoming();
  }
}
