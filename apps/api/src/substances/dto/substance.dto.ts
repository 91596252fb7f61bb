import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { QueryBoolean } from '../../common/query-boolean.decorator.js';
import { RequiredText } from '../../common/required-text.decorator.js';

/** The same rule as the table's CHECK; the API refuses with the field named instead of a 500. */
export const SUBSTANCE_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

export class CreateSubstanceDto {
  @ApiProperty({ example: 'nitazene', description: '2-40 lower-case letters, digits or _, starting with a letter; cannot be changed later' })
  @IsString() @Matches(SUBSTANCE_CODE_PATTERN, { message: 'must be 2-40 lower-case letters, digits or _, starting with a letter' })
  code: string;

  @ApiProperty({ example: 'Nitazene', maxLength: 100 })
  @RequiredText(100)
  label: string;
}

export class ListSubstancesQueryDto {
  @ApiPropertyOptional({ description: 'true: only those that can be chosen for new developments' })
  @QueryBoolean()
  active?: boolean;
}
