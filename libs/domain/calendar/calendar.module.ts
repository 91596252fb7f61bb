import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { RapportsModule } from '../rapports/rapports.module.js';
import { CalendarService } from './calendar.service.js';

/** Calendar data: meetings as iCalendar invitations, and the personal feeds. */
@Module({
  imports: [RapportsModule, AuditModule],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
