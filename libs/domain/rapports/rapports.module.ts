import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { RapportInvitation } from './rapport-invitation.entity.js';
import { RapportSeries } from './rapport-series.entity.js';
import { RapportSeriesService } from './rapport-series.service.js';
import { Rapport } from './rapport.entity.js';
import { RapportsService } from './rapports.service.js';

/** Regular rapports: series (RRULE), meetings, invitations with answers and attendance. */
@Module({
  imports: [TypeOrmModule.forFeature([RapportSeries, Rapport, RapportInvitation]), AuditModule],
  providers: [RapportSeriesService, RapportsService],
  exports: [RapportSeriesService, RapportsService],
})
export class RapportsModule {}
