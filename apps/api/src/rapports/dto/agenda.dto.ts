import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsUUID, Min } from 'class-validator';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';
import { RequiredText } from '../../common/required-text.decorator.js';

export class AgendaItemTitleDto {
  @ApiProperty({ maxLength: 300, example: 'Bericht der Straßensozialarbeit' }) @RequiredText(300)
  title: string;
}

export class AgendaItemPatchDto extends AgendaItemTitleDto {
  @ApiPropertyOptional({ description: "The item's version you read (items[].version); or If-Match. Required: without it 428 VERSION_REQUIRED" })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

export class AgendaOrderDto {
  @ApiProperty({ isArray: true, type: String, description: 'Every item id of the agenda, each once, in the new order' })
  @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  itemIds: string[];

  @ApiPropertyOptional({ description: "The agenda's version you read (the agenda's `version`, also its ETag); or If-Match. Required: without it 428 VERSION_REQUIRED" })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}
