import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesService } from './agencies/agencies.service.js';
import { AuditService } from './audit/audit.service.js';
import { ENTITIES } from './domain.entities.js';
import { PeopleService } from './people/people.service.js';
import { GeoLookupService } from './places/geo-lookup.service.js';

const SERVICES = [AgenciesService, PeopleService, AuditService, GeoLookupService];

/** Business rules shared by the API and the worker. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(ENTITIES)],
  providers: SERVICES,
  exports: [...SERVICES, TypeOrmModule],
})
export class DomainModule {}
