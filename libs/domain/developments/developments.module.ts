import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { PlacesModule } from '../places/places.module.js';
import { DevelopmentTrendsService } from './development-trends.service.js';
import { Development } from './development.entity.js';
import { DevelopmentsService } from './developments.service.js';
import { Substance } from './substance.entity.js';
import { SubstancesService } from './substances.service.js';

/** The situation picture: developments, their trends and summaries, and the substance list. */
@Module({
  imports: [TypeOrmModule.forFeature([Development, Substance]), AuditModule, PlacesModule],
  providers: [DevelopmentsService, DevelopmentTrendsService, SubstancesService],
  exports: [DevelopmentsService, DevelopmentTrendsService, SubstancesService],
})
export class DevelopmentsModule {}
