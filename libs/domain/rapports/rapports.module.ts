import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AgendaService } from './agenda.service.js';
import { RapportInvitation } from './rapport-invitation.entity.js';
import { RapportSeries } from './rapport-series.entity.js';
import { RapportSeriesService } from './rapport-series.service.js';
import { Rapport } from './rapport.entity.js';
import { RapportsService } from './rapports.service.js';

/** Regular rapports: series (RRULE), meetings, invitations with answers and attendance, the agenda. */
@Module({
  imports: [TypeOrmModule.forFeature([RapportSeries, Rapport, RapportInvitation, AgendaItem]), AuditModule],
  providers: [RapportSeriesService, RapportsService, AgendaService],
  exports: [RapportSeriesService, RapportsService, AgendaService],
})
export class RapportsModule {}
