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

export class NewMinutesEntryDto extends MinutesEntryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The agenda item the entry is written under (an item of this meeting\'s agenda, else 422 AGENDA_ITEM_NOT_FOUND; one entry per item, else 409 AGENDA_ITEM_HAS_ENTRY). Absent or null: a free entry, e.g. "Verschiedenes". Set once, when the entry is created.' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID()
  agendaItemId?: string | null;
}

export class MinutesEntryPatchDto extends MinutesEntryDto {
  @ApiPropertyOptional({ description: "The entry's version you read; or If-Match. Required: without it 428 VERSION_REQUIRED" })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
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
