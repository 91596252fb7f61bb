import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AgenciesService } from './agencies.service.js';
import { Agency } from './agency.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Agency]), AuditModule],
  providers: [AgenciesService],
  exports: [AgenciesService],
})
export class AgenciesModule {}
