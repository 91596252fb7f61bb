import { Injectable } from '@nestjs/common';
import { ReminderDispatcher, type DrainResult } from '#domain/notifications/reminder-dispatcher.service.js';
import { ReminderScanner, type ScanResult } from '#domain/notifications/reminder-scanner.service.js';
import type { JobPayloads } from '#queue/queue-names.js';
import { JobHandler } from '../job-handler.decorator.js';

/** Delivers planned reminders (issue 9); the scan is the reconciler that keeps the queue in line with the ledger. */
@Injectable()
export class RemindersProcessor {
  constructor(private readonly dispatcher: ReminderDispatcher, private readonly scanner: ReminderScanner) {}

  @JobHandler('reminders-deliver-due')
  async deliverDue(payload: JobPayloads['reminders-deliver-due']): Promise<DrainResult & { bucket: number }> {
    return { bucket: payload.bucket, ...(await this.dispatcher.deliverDue()) };
  }

  @JobHandler('reminders-scan')
  scan(): Promise<ScanResult> {
    return this.scanner.scan();
  }
}
