import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { RapportsModule } from '../rapports/rapports.module.js';
import { EscalationRulesService } from './escalation-rules.service.js';
import { Escalation } from './escalation.entity.js';
import { EscalationsService } from './escalations.service.js';
import { ThresholdRule } from './threshold-rule.entity.js';
import { ThresholdRulesService } from './threshold-rules.service.js';

/** Escalations towards the extended rapport (convened through the rapports module), the threshold rules, and their evaluation (shared by API and worker). */
@Module({
  imports: [TypeOrmModule.forFeature([Escalation, ThresholdRule]), AuditModule, RapportsModule],
  providers: [EscalationsService, ThresholdRulesService, EscalationRulesService],
  exports: [EscalationsService, ThresholdRulesService, EscalationRulesService],
})
export class EscalationsModule {}
