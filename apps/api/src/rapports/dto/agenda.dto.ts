import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { RequiredText } from '../../common/required-text.decorator.js';

export class AgendaItemTitleDto {
  @ApiProperty({ maxLength: 300, example: 'Bericht der Straßensozialarbeit' }) @RequiredText(300)
  title: string;
}

export class AgendaOrderDto {
  @ApiProperty({ isArray: true, type: String, description: 'Every item id of the agenda, each once, in the new order' })
  @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  itemIds: string[];
}
