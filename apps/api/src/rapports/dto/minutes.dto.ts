import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { CreateMeasureDto, NO_PERSONAL_DATA } from '../../measures/dto/measure.dto.js';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';
import { RequiredText } from '../../common/required-text.decorator.js';

export const MINUTES_TEXT_MAX = 20000;

export class MinutesEntryDto {
  @ApiPropertyOptional({ type: String, maxLength: 300, nullable: true, example: 'Bahnhofsvorplatz', description: 'Optional heading of the entry (null clears it)' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @RequiredText(300)
  heading?: string | null;

  @ApiPropertyOptional({ maxLength: MINUTES_TEXT_MAX, example: 'Mehr Spritzenfunde am Spielplatz seit März.', description: `What was discussed. ${NO_PERSONAL_DATA}` })
  @IsOptionalNotNull() @IsString() @MaxLength(MINUTES_TEXT_MAX)
  notes?: string;

  @ApiPropertyOptional({ maxLength: MINUTES_TEXT_MAX, example: 'Das Ordnungsamt kontrolliert dort zweimal täglich.', description: `What was decided. ${NO_PERSONAL_DATA}` })
  @IsOptionalNotNull() @IsString() @MaxLength(MINUTES_TEXT_MAX)
  decisions?: string;
}

export class MinutesCorrectionDto extends MinutesEntryDto {
  @ApiProperty({ format: 'uuid', description: 'The entry of the latest revision that is corrected' })
  @IsUUID()
  entryId: string;
}

export class CorrectMinutesDto {
  @ApiProperty({ type: MinutesCorrectionDto, isArray: true, description: 'Corrections to entries of the latest revision; entries not named are copied unchanged' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => MinutesCorrectionDto)
  corrections: MinutesCorrectionDto[];
}

/** A measure agreed under a minutes entry: the measure body without rapportId/agendaItemId (set by the route). */
export class AgreeMeasureDto extends OmitType(CreateMeasureDto, ['rapportId', 'agendaItemId'] as const) {}

export class MinutesQueryDto {
  @ApiPropertyOptional({ minimum: 1, description: 'An earlier revision; default the latest' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  revision?: number;
}
