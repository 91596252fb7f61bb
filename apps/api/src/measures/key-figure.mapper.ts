import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KEY_FIGURE_STATUSES, type KeyFigureStatus, type PeriodCount } from '#domain/key-figures/key-figure-rules.js';
import type { WdqInterpretation, WdqResult } from '#domain/key-figures/displacement.js';
import type { DisplacementOutcome, KeyFigureResult } from '#domain/key-figures/key-figures.service.js';
import { KeyFigureDefinitionDto, toKeyFigureDefinition } from './measure.mapper.js';

export class PeriodCountDto {
  @ApiProperty({ description: 'Berlin date (inclusive)' }) start: string;
  @ApiProperty({ description: 'Berlin date (exclusive)' }) end: string;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'false for the running period' }) complete: boolean;
}

export class AreaCountsDto {
  @ApiProperty({ type: 'integer' }) before: number;
  @ApiProperty({ type: 'integer' }) after: number;
}

export class DisplacementCountsDto {
  @ApiProperty({ type: AreaCountsDto, description: 'A: the circle' }) target: AreaCountsDto;
  @ApiProperty({ type: AreaCountsDto, description: 'B: the buffer ring' }) buffer: AreaCountsDto;
  @ApiProperty({ type: AreaCountsDto, description: 'C: the control area' }) control: AreaCountsDto;
}

export class TimeWindowDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
}

export class DisplacementWindowsDto {
  @ApiProperty({ type: TimeWindowDto }) before: TimeWindowDto;
  @ApiProperty({ type: TimeWindowDto }) after: TimeWindowDto;
}

export class DisplacementControlDto {
  @ApiProperty({ enum: ['city', 'district'] }) kind: 'city' | 'district';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) districtId: string | null;
}

const WDQ_INTERPRETATIONS = [
  'diffusion_greater_than_effect', 'diffusion_of_benefits', 'no_buffer_change', 'displacement_smaller_than_effect', 'displacement_exceeds_effect', 'target_area_not_improved',
] as const satisfies readonly WdqInterpretation[];

/** Either `{ available: false, reason }` (not started yet) or the full watch with available: true. */
export class DisplacementDto {
  @ApiProperty({ description: 'false until the measure has started; then only `reason` is given' }) available: boolean;
  @ApiPropertyOptional({ enum: ['not_started'], description: 'Why it is not available' }) reason?: 'not_started';
  @ApiPropertyOptional() radiusM?: number;
  @ApiPropertyOptional() bufferRadiusM?: number;
  @ApiPropertyOptional({ type: DisplacementControlDto }) control?: DisplacementControlDto;
  @ApiPropertyOptional({ type: DisplacementWindowsDto }) windows?: DisplacementWindowsDto;
  @ApiPropertyOptional({ type: DisplacementCountsDto }) counts?: DisplacementCountsDto;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'A_after/C_after - A_before/C_before' }) successMeasure?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'B_after/C_after - B_before/C_before' }) bufferMeasure?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Weighted displacement quotient; null when undefined' }) wdq?: number | null;
  @ApiPropertyOptional({ enum: ['control_area_empty', 'no_change_in_target_area'], type: String, nullable: true }) wdqUndefinedReason?: WdqResult['reason'];
  @ApiPropertyOptional({ enum: WDQ_INTERPRETATIONS, type: String, nullable: true }) interpretation?: WdqInterpretation | null;
  @ApiPropertyOptional() displacementSuspected?: boolean;
  @ApiPropertyOptional({ enum: ['relative_to_control', 'raw_counts'] }) basis?: WdqResult['basis'];
}

export class KeyFigureResultDto {
  @ApiProperty({ type: KeyFigureDefinitionDto }) keyFigure: KeyFigureDefinitionDto;
  @ApiProperty({ description: "The measure's start date: baseline periods end here, actual periods begin here" }) startDate: string;
  @ApiProperty() computedAt: string;
  @ApiProperty({ type: PeriodCountDto, isArray: true }) baseline: PeriodCountDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Mean count per baseline period' }) baselineAverage: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Target count per period (absolute, or baseline x (1 + percent/100))' }) targetPerPeriod: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['decrease', 'increase', 'hold'] }) direction: string | null;
  @ApiProperty({ type: PeriodCountDto, isArray: true, description: 'Per period since the start, the running one last' }) actual: PeriodCountDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Where the figure should be at the end of the latest complete period (straight line from baseline to target)' }) expected: number | null;
  @ApiProperty({ type: PeriodCountDto, nullable: true, description: 'The latest complete period (what the status judges)' }) latest: PeriodCountDto | null;
  @ApiProperty({ enum: KEY_FIGURE_STATUSES }) status: KeyFigureStatus;
  @ApiProperty({ description: 'Why this status, e.g. at_or_below_expected, no_complete_period, nothing_logged' }) statusReason: string;
  @ApiProperty({ type: DisplacementDto, nullable: true, description: 'Displacement watch (key figures with a point and radius only)' }) displacement: DisplacementDto | null;
}

export class MeasureKeyFiguresDto {
  @ApiProperty() measureId: string;
  @ApiProperty({ description: 'At least one key figure: the buffer got worse while the target area improved' }) displacementSuspected: boolean;
  @ApiProperty({ type: KeyFigureResultDto, isArray: true }) keyFigures: KeyFigureResultDto[];
}

const period = (p: PeriodCount) => ({ start: p.start, end: p.end, count: p.count, complete: p.complete });

function displacement(d: DisplacementOutcome | null): DisplacementDto | null {
  if (!d) return null;
  if (!d.available) return { available: false, reason: d.reason };
  return {
    available: true,
    radiusM: d.radiusM,
    bufferRadiusM: d.bufferRadiusM,
    control: d.control,
    windows: {
      before: { from: d.windows.before.from.toISOString(), to: d.windows.before.to.toISOString() },
      after: { from: d.windows.after.from.toISOString(), to: d.windows.after.to.toISOString() },
    },
    counts: d.counts,
    successMeasure: d.successMeasure,
    bufferMeasure: d.bufferMeasure,
    wdq: d.wdq,
    wdqUndefinedReason: d.reason,
    interpretation: d.interpretation,
    displacementSuspected: d.displacementSuspected,
    basis: d.basis,
  };
}

export function toKeyFigureResult(r: KeyFigureResult): KeyFigureResultDto {
  const j = r.judgement;
  return {
    keyFigure: toKeyFigureDefinition(r.keyFigure),
    startDate: r.startDate,
    computedAt: r.computedAt.toISOString(),
    baseline: r.baseline.map(period),
    baselineAverage: j.baselineAverage,
    targetPerPeriod: j.targetPerPeriod,
    direction: j.direction,
    actual: r.actual.map(period),
    expected: j.expected,
    latest: j.latest ? period(j.latest) : null,
    status: j.status,
    statusReason: j.reason,
    displacement: displacement(r.displacement),
  };
}

export function toMeasureKeyFigures(measureId: string, results: KeyFigureResult[]): MeasureKeyFiguresDto {
  return {
    measureId,
    displacementSuspected: results.some((r) => r.displacement?.available === true && r.displacement.displacementSuspected),
    keyFigures: results.map(toKeyFigureResult),
  };
}
