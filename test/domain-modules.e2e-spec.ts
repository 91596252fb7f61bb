import { describe, expect, it } from '@jest/globals';
import { Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '#config/config.module.js';
import { createLogger } from '#config/logger.js';
import { NestLogger } from '#config/nest-logger.js';
import { DatabaseModule } from '#database/database.module.js';
import { AgenciesModule } from '#domain/agencies/agencies.module.js';
import { AgenciesService } from '#domain/agencies/agencies.service.js';
import { AuditModule } from '#domain/audit/audit.module.js';
import { AuditService } from '#domain/audit/audit.service.js';
import { DevelopmentTrendsService } from '#domain/developments/development-trends.service.js';
import { DevelopmentsModule } from '#domain/developments/developments.module.js';
import { DevelopmentsService } from '#domain/developments/developments.service.js';
import { SubstancesService } from '#domain/developments/substances.service.js';
import { KeyFiguresModule } from '#domain/key-figures/key-figures.module.js';
import { KeyFiguresService } from '#domain/key-figures/key-figures.service.js';
import { MeasureDashboardService } from '#domain/measures/measure-dashboard.service.js';
import { MeasuresModule } from '#domain/measures/measures.module.js';
import { MeasuresService } from '#domain/measures/measures.service.js';
import { PeopleModule } from '#domain/people/people.module.js';
import { PeopleService } from '#domain/people/people.service.js';
import { PlacesModule } from '#domain/places/places.module.js';
import { PlacesService } from '#domain/places/places.service.js';
import { RapportSeriesService } from '#domain/rapports/rapport-series.service.js';
import { CalendarModule } from '#domain/calendar/calendar.module.js';
import { CalendarService } from '#domain/calendar/calendar.service.js';
import { RapportsModule } from '#domain/rapports/rapports.module.js';
import { RapportsService } from '#domain/rapports/rapports.service.js';
import { NotificationsModule } from '#domain/notifications/notifications.module.js';
import { ReminderDispatcher } from '#domain/notifications/reminder-dispatcher.service.js';
import { ReminderScanner } from '#domain/notifications/reminder-scanner.service.js';
import { InboxService } from '#domain/notifications/inbox.service.js';
import { QueueModule } from '#queue/queue.module.js';
import { NotificationsChannelsModule } from '#domain/notifications/channels/notifications-channels.module.js';
import { EmailChannel } from '#domain/notifications/channels/email-channel.js';
import { WebhookChannel } from '#domain/notifications/channels/webhook-channel.js';
import { MailDigestService } from '#domain/notifications/channels/mail-digest.service.js';
import { AgencyWebhooksService } from '#domain/notifications/channels/agency-webhooks.service.js';
import { prepareDatabase } from '#database/prepare-database.js';
import { testConfig } from '#testing/test-config.js';

/**
 * The domain is one plain Nest module per area (issue 7 §5): each starts on its own with the
 * infrastructure (config, database, queue) and brings what it depends on, so that the API, the
 * worker and later apps import only the areas they use.
 */
const areas: Array<[string, Type, Type[]]> = [
  ['audit', AuditModule, [AuditService]],
  ['agencies', AgenciesModule, [AgenciesService]],
  ['people', PeopleModule, [PeopleService]],
  ['places', PlacesModule, [PlacesService]],
  ['developments', DevelopmentsModule, [DevelopmentsService, DevelopmentTrendsService, SubstancesService]],
  ['key figures', KeyFiguresModule, [KeyFiguresService]],
  ['measures', MeasuresModule, [MeasuresService, MeasureDashboardService]],
  ['rapports', RapportsModule, [RapportSeriesService, RapportsService]],
  ['calendar', CalendarModule, [CalendarService]],
  ['notifications', NotificationsModule, [ReminderDispatcher, ReminderScanner, InboxService, MailDigestService]],
  ['notification channels', NotificationsChannelsModule, [EmailChannel, WebhookChannel, AgencyWebhooksService]],
];

describe('domain modules', () => {
  it.each(areas)('%s starts alone and provides its services', async (_name, area, services) => {
    const config = testConfig();
    await prepareDatabase(config);
    const logger = createLogger('error', 'modules-test');
    @Module({ imports: [ConfigModule.forRoot(config, logger), DatabaseModule.forRoot(), QueueModule, area] })
    class Root {}
    const ctx = await NestFactory.createApplicationContext(Root, { logger: new NestLogger(logger) });
    try {
      for (const s of services) expect(ctx.get(s, { strict: false })).toBeInstanceOf(s);
    } finally {
      await ctx.close();
    }
  });
});
