import { Module } from '@nestjs/common';
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
import { DashboardController } from './dashboard/dashboard.controller.js';
import { KeyFiguresController } from './measures/key-figures.controller.js';
import { MeasuresController } from './measures/measures.controller.js';

/** HTTP only: controllers, DTOs and mappers; rules live in libs/domain. */
@Module({
  imports: [AuthModule],
  controllers: [HealthController, ApiIndexController, AgenciesController, PeopleController, AuditController, DistrictsController, PlacesController, SubstancesController, DevelopmentsController, MeasuresController, KeyFiguresController, DashboardController],
})
export class ApiModule {}
