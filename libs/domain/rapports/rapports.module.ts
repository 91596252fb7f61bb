import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { MinutesEntry } from './minutes-entry.entity.js';
import { MinutesService } from './minutes.service.js';
import { RapportInvitation } from './rapport-invitation.entity.js';
import { RapportSeries } from './rapport-series.entity.js';
import { RapportSeriesService } from './rapport-series.service.js';
import { Rapport } from './rapport.entity.js';
import { RapportsService } from './rapports.service.js';

/** Regular rapports: series (RRULE), meetings, invitations with answers and attendance, minutes. */
@Module({
  imports: [TypeOrmModule.forFeature([RapportSeries, Rapport, RapportInvitation, MinutesEntry]), AuditModule, MeasuresModule],
  providers: [RapportSeriesService, RapportsService, MinutesService],
  exports: [RapportSeriesService, RapportsService, MinutesService],
})
export class RapportsModule {}
