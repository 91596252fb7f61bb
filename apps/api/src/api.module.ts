import { Module } from '@nestjs/common';
import { AgenciesModule } from '#domain/agencies/agencies.module.js';
import { AuditModule } from '#domain/audit/audit.module.js';
import { CalendarModule } from '#domain/calendar/calendar.module.js';
import { DevelopmentsModule } from '#domain/developments/developments.module.js';
import { EscalationsModule } from '#domain/escalations/escalations.module.js';
import { MeasuresModule } from '#domain/measures/measures.module.js';
import { NotificationsModule } from '#domain/notifications/notifications.module.js';
import { KeyFiguresModule } from '#domain/key-figures/key-figures.module.js';
import { PeopleModule } from '#domain/people/people.module.js';
import { PlacesModule } from '#domain/places/places.module.js';
import { RapportsModule } from '#domain/rapports/rapports.module.js';
import { NotificationsChannelsModule } from '#domain/notifications/channels/notifications-channels.module.js';
import { AgencyWebhooksController } from './notifications/agency-webhooks.controller.js';
import { AgenciesController } from './agencies/agencies.controller.js';
import { AuditController } from './audit/audit.controller.js';
import { AuthModule } from './auth/auth.module.js';
import { DevelopmentsController } from './developments/developments.controller.js';
import { DistrictsController } from './districts/districts.controller.js';
import { HealthController } from './health/health.controller.js';
import { ApiIndexController } from './index/api-index.controller.js';
import { PeopleController } from './people/people.controller.js';
import { PlacesController } from './places/places.controller.js';
import { SubstancesController } from './substances/substances.controller.js';
import { EscalationsController } from './escalations/escalations.controller.js';
import { ThresholdRulesController } from './escalations/threshold-rules.controller.js';
import { DashboardController } from './dashboard/dashboard.controller.js';
import { KeyFiguresController } from './measures/key-figures.controller.js';
import { MeasuresController } from './measures/measures.controller.js';
import { RapportSeriesController } from './rapports/rapport-series.controller.js';
import { MinutesController, MinutesPdfController } from './rapports/minutes.controller.js';
import { RapportsController } from './rapports/rapports.controller.js';
import { AgendaController } from './rapports/agenda.controller.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { AdminQueuesController } from './notifications/admin-queues.controller.js';
import { InboxController } from './notifications/inbox.controller.js';
import { NotificationSettingsController } from './notifications/notification-settings.controller.js';
import { RemindersController } from './notifications/reminders.controller.js';
import { WebConfigController } from './web/web-config.controller.js';

/** HTTP only: controllers, DTOs and mappers; rules live in libs/domain, one Nest module per area. */
@Module({
  imports: [AuthModule, AgenciesModule, PeopleModule, AuditModule, PlacesModule, DevelopmentsModule, MeasuresModule, KeyFiguresModule, EscalationsModule, RapportsModule, CalendarModule, NotificationsModule, NotificationsChannelsModule],
  controllers: [HealthController, ApiIndexController, AgenciesController, PeopleController, AuditController, DistrictsController, PlacesController, SubstancesController, DevelopmentsController, MeasuresController, KeyFiguresController, DashboardController, EscalationsController, ThresholdRulesController, RapportSeriesController, RapportsController, AgendaController, MinutesController, MinutesPdfController, CalendarController, InboxController, NotificationSettingsController, RemindersController, AdminQueuesController, AgencyWebhooksController, WebConfigController],
})
export class ApiModule {}
