import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsUUID, Max, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { DEVELOPMENT_CATEGORIES, type DevelopmentCategory } from '#domain/developments/development-enums.js';
import { MAX_BUFFER_FACTOR } from '#domain/key-figures/displacement.js';
import { KEY_FIGURE_PERIODS, MAX_BASELINE_PERIODS, TARGET_KINDS, type KeyFigurePeriod, type TargetKind } from '#domain/key-figures/key-figure-rules.js';
import { MAX_RADIUS_M, MIN_RADIUS_M } from '#domain/key-figures/key-figures.service.js';
import { DEVELOPMENT_MEASURE_DOC, DEVELOPMENT_MEASURES, type DevelopmentMeasure } from '#domain/developments/development-measure.js';
import { IsCalendarDate } from '../../common/date-input.decorator.js';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';
import { RequiredText } from '../../common/required-text.decorator.js';

export class KeyFigurePointDto {
  @ApiProperty({ example: 51.34108 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90)
  lat: number;

  @ApiProperty({ example: 12.405 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180)
  lon: number;

  @ApiProperty({ minimum: MIN_RADIUS_M, maximum: MAX_RADIUS_M, example: 250, description: 'Radius of the target area in metres' })
  @IsInt() @Min(MIN_RADIUS_M) @Max(MAX_RADIUS_M)
  radiusM: number;
}

export class CreateKeyFigureDto {
  @ApiProperty({ maxLength: 200, example: 'Spritzenfunde im Umkreis der Kita Sonnenschein' })
  @RequiredText(200)
  name: string;

  @ApiProperty({ enum: DEVELOPMENT_CATEGORIES, isArray: true, description: 'At least one category: a key figure counts developments of these categories' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(DEVELOPMENT_CATEGORIES.length) @IsIn(DEVELOPMENT_CATEGORIES, { each: true })
  categories: DevelopmentCategory[];

  @ApiPropertyOptional({ isArray: true, type: String, description: 'Count developments at these places (and/or in districtIds); not with point' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  placeIds?: string[];

  @ApiPropertyOptional({ isArray: true, type: String, description: 'Count developments in these districts (and/or at placeIds); not with point' })
  @IsOptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  districtIds?: string[];

  @ApiPropertyOptional({ type: KeyFigurePointDto, description: 'Or: count within a radius around a point; enables the displacement watch' })
  @IsOptionalNotNull() @ValidateNested() @Type(() => KeyFigurePointDto)
  point?: KeyFigurePointDto;

  @ApiPropertyOptional({ default: 2, maximum: MAX_BUFFER_FACTOR, description: 'Buffer ring from radius to bufferFactor x radius (only with point; > 1)' })
  @IsOptionalNotNull() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(1) @Max(MAX_BUFFER_FACTOR)
  bufferFactor?: number;

  @ApiPropertyOptional({ description: 'Control area of the displacement watch: this district instead of the rest of the city (only with point)' })
  @IsOptional() @IsUUID()
  controlDistrictId?: string;

  @ApiPropertyOptional({ enum: KEY_FIGURE_PERIODS, default: 'week' }) @IsOptionalNotNull() @IsIn(KEY_FIGURE_PERIODS)
  period?: KeyFigurePeriod;

  @ApiPropertyOptional({ enum: DEVELOPMENT_MEASURES, default: 'reports', description: DEVELOPMENT_MEASURE_DOC }) @IsOptional() @IsIn(DEVELOPMENT_MEASURES)
  measure?: DevelopmentMeasure;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_BASELINE_PERIODS, default: 3, description: 'Baseline: the N periods before the start' })
  @IsOptionalNotNull() @IsInt() @Min(1) @Max(MAX_BASELINE_PERIODS)
  baselinePeriods?: number;

  @ApiProperty({ enum: TARGET_KINDS, description: 'absolute: developments per period to reach; percent: change against the baseline (-50 = halve)' })
  @IsIn(TARGET_KINDS)
  targetKind: TargetKind;

  @ApiProperty({ example: -50 }) @IsNumber({ allowNaN: false, allowInfinity: false })
  targetValue: number;

  @ApiProperty({ example: '2026-06-30', description: "By when (Berlin date); after the measure's start" })
  @IsCalendarDate()
  targetDate: string;
}

export class UpdateKeyFigureDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptionalNotNull() @RequiredText(200)
  name?: string;

  @ApiPropertyOptional({ enum: DEVELOPMENT_CATEGORIES, isArray: true })
  @IsOptionalNotNull() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(DEVELOPMENT_CATEGORIES.length) @IsIn(DEVELOPMENT_CATEGORIES, { each: true })
  categories?: DevelopmentCategory[];

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  placeIds?: string[];

  @ApiPropertyOptional({ isArray: true, type: String }) @IsOptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  districtIds?: string[];

  @ApiPropertyOptional({ type: KeyFigurePointDto, nullable: true, description: 'null removes the circle (and the displacement watch)' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @ValidateNested() @Type(() => KeyFigurePointDto)
  point?: KeyFigurePointDto | null;

  @ApiPropertyOptional({ maximum: MAX_BUFFER_FACTOR }) @IsOptionalNotNull() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(1) @Max(MAX_BUFFER_FACTOR)
  bufferFactor?: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID()
  controlDistrictId?: string | null;

  @ApiPropertyOptional({ enum: KEY_FIGURE_PERIODS }) @IsOptionalNotNull() @IsIn(KEY_FIGURE_PERIODS)
  period?: KeyFigurePeriod;

  @ApiPropertyOptional({ enum: DEVELOPMENT_MEASURES, description: DEVELOPMENT_MEASURE_DOC }) @IsOptionalNotNull() @IsIn(DEVELOPMENT_MEASURES)
  measure?: DevelopmentMeasure;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_BASELINE_PERIODS }) @IsOptionalNotNull() @IsInt() @Min(1) @Max(MAX_BASELINE_PERIODS)
  baselinePeriods?: number;

  @ApiPropertyOptional({ enum: TARGET_KINDS }) @IsOptionalNotNull() @IsIn(TARGET_KINDS)
  targetKind?: TargetKind;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsNumber({ allowNaN: false, allowInfinity: false })
  targetValue?: number;

  @ApiPropertyOptional() @IsOptionalNotNull() @IsCalendarDate()
  targetDate?: string;

  @ApiPropertyOptional({ description: "The key figure's version you read (or If-Match)" }) @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}
