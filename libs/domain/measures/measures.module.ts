import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#config/app-config.js';
import { AuditModule } from '../audit/audit.module.js';
import { KeyFiguresModule } from '../key-figures/key-figures.module.js';
import { MeasureDashboardService } from './measure-dashboard.service.js';
import { MeasureEvent } from './measure-event.entity.js';
import { Measure } from './measure.entity.js';
import { MeasuresService } from './measures.service.js';
import { Milestone } from './milestone.entity.js';
import { scheduleFrom, useReminderSchedule } from '../notifications/rules/reminder-timing.js';

/** Measures, their history and milestones, and the leadership dashboard over them and their key figures. */
@Module({
  imports: [TypeOrmModule.forFeature([Measure, MeasureEvent, Milestone]), AuditModule, KeyFiguresModule],
  providers: [MeasuresService, MeasureDashboardService],
  exports: [MeasuresService, MeasureDashboardService],
})
export class MeasuresModule {
  /** The reminder offsets of this process (REMINDER_*): every domain module that plans reminders imports this one. */
  constructor(config: AppConfig) {
    useReminderSchedule(scheduleFrom(config));
  }
}
