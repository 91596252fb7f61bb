import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { KeyFiguresModule } from '../key-figures/key-figures.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AgendaService } from './agenda.service.js';
import { MinutesEntry } from './minutes-entry.entity.js';
import { MinutesService } from './minutes.service.js';
import { RapportInvitation } from './rapport-invitation.entity.js';
import { RapportSeries } from './rapport-series.entity.js';
import { RapportSeriesService } from './rapport-series.service.js';
import { Rapport } from './rapport.entity.js';
import { RapportsService } from './rapports.service.js';

/** Regular rapports: series (RRULE), meetings, invitations with answers and attendance, the agenda, minutes. */
@Module({
  imports: [TypeOrmModule.forFeature([RapportSeries, Rapport, RapportInvitation, AgendaItem, MinutesEntry]), AuditModule, MeasuresModule, KeyFiguresModule],
  providers: [RapportSeriesService, RapportsService, AgendaService, MinutesService],
  exports: [RapportSeriesService, RapportsService, AgendaService, MinutesService],
})
export class RapportsModule {}
