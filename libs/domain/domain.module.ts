import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesService } from './agencies/agencies.service.js';
import { AuditService } from './audit/audit.service.js';
import { ENTITIES } from './domain.entities.js';
import { PeopleService } from './people/people.service.js';
import { DevelopmentTrendsService } from './developments/development-trends.service.js';
import { DevelopmentsService } from './developments/developments.service.js';
import { SubstancesService } from './developments/substances.service.js';
import { DistrictsService } from './places/districts.service.js';
import { GeoLookupService } from './places/geo-lookup.service.js';
import { PlacesService } from './places/places.service.js';
import { KeyFiguresService } from './key-figures/key-figures.service.js';
import { MeasureDashboardService } from './measures/measure-dashboard.service.js';
import { MeasuresService } from './measures/measures.service.js';

const SERVICES = [AgenciesService, PeopleService, AuditService, GeoLookupService, DistrictsService, PlacesService, SubstancesService, DevelopmentsService, DevelopmentTrendsService, MeasuresService, KeyFiguresService, MeasureDashboardService];

/** Business rules shared by the API and the worker. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  providers: SERVICES,
  exports: [...SERVICES, TypeOrmModule],
})
export class DomainModule {}
