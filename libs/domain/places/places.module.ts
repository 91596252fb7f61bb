import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { District } from './district.entity.js';
import { DistrictsService } from './districts.service.js';
import { GeoLookupService } from './geo-lookup.service.js';
import { Place } from './place.entity.js';
import { PlacesService } from './places.service.js';

/** Districts and places, and the geometry lookups developments use when they are written. */
@Module({
  imports: [TypeOrmModule.forFeature([District, Place]), AuditModule],
  providers: [GeoLookupService, DistrictsService, PlacesService],
  exports: [GeoLookupService, DistrictsService, PlacesService],
})
export class PlacesModule {}
