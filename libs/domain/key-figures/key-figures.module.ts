import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { KeyFigureEvaluation } from './key-figure-evaluation.entity.js';
import { KeyFigure } from './key-figure.entity.js';
import { KeyFiguresService } from './key-figures.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([KeyFigure, KeyFigureEvaluation]), AuditModule],
  providers: [KeyFiguresService],
  exports: [KeyFiguresService],
})
export class KeyFiguresModule {}
