import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuthDomainModule } from '#domain/auth/auth-domain.module.js';
import { EscalationsModule } from '#domain/escalations/escalations.module.js';
import { MeasuresModule } from '#domain/measures/measures.module.js';
import { NotificationsModule } from '#domain/notifications/notifications.module.js';
import { EscalationRulesProcessor } from './escalation-rules/escalation-rules.processor.js';
import { RapportsModule } from '#domain/rapports/rapports.module.js';
import { AuthPruneProcessor } from './auth-prune/auth-prune.processor.js';
import { HeartbeatProcessor } from './heartbeat/heartbeat.processor.js';
import { JobRunner } from './job-runner.js';
import { LeadershipDigestProcessor } from './notifications/leadership-digest.processor.js';
import { KeyFigureRefreshProcessor } from './key-figures/key-figure-refresh.processor.js';
import { RapportSeriesProcessor } from './rapports/rapport-series.processor.js';
import { RemindersProcessor } from './reminders/reminders.processor.js';
import { MailDigestProcessor } from './notifications/mail-digest.processor.js';

/** Queue consumers only; no HTTP. Imported by the worker entry and by the all-in-one process. */
@Module({
  imports: [DiscoveryModule, AuthDomainModule, MeasuresModule, EscalationsModule, RapportsModule, NotificationsModule],
  providers: [JobRunner, HeartbeatProcessor, AuthPruneProcessor, KeyFigureRefreshProcessor, EscalationRulesProcessor, RapportSeriesProcessor, RemindersProcessor, MailDigestProcessor, LeadershipDigestProcessor],
})
export class WorkerModule {}
