import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { KeyFiguresModule } from '../key-figures/key-figures.module.js';
import { MeasureDashboardService } from './measure-dashboard.service.js';
import { MeasureEvent } from './measure-event.entity.js';
import { Measure } from './measure.entity.js';
import { MeasuresService } from './measures.service.js';
import { Milestone } from './milestone.entity.js';

/** Measures, their history and milestones, and the leadership dashboard over them and their key figures. */
@Module({
  imports: [TypeOrmModule.forFeature([Measure, MeasureEvent, Milestone]), AuditModule, KeyFiguresModule],
  providers: [MeasuresService, MeasureDashboardService],
  exports: [MeasuresService, MeasureDashboardService],
})
export class MeasuresModule {}
