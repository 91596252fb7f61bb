import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { AGENCY_KINDS, type AgencyKind } from '#domain/agencies/agency-kind.js';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { QueryBoolean } from '../../common/query-boolean.decorator.js';
import { RequiredText } from '../../common/required-text.decorator.js';

export class CreateAgencyDto {
  @ApiProperty({ example: 'Polizeirevier Mitte', maxLength: 200 })
  @RequiredText(200)
  name: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  kind: AgencyKind;

  @ApiProperty({ example: 'POL-MITTE', description: 'Short code, unique; 2-20 letters, digits or -' })
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{1,19}$/, { message: 'must be 2-20 letters, digits or "-"' })
  code: string;
}

export class UpdateAgencyDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull() @RequiredText(200)
  name?: string;

  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @IsOptionalNotNull() @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;

  @ApiPropertyOptional({ description: 'Short code, unique; 2-20 letters, digits or -' })
  @IsOptionalNotNull() @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{1,19}$/, { message: 'must be 2-20 letters, digits or "-"' })
  code?: string;

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused (409)' })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

const SORTS = ['name', 'code', 'createdAt'] as const;

export class ListAgenciesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @IsOptional() @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;

  @ApiPropertyOptional()
  @QueryBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name or code' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: SORTS })
  @IsOptional() @IsIn(SORTS)
  sort?: (typeof SORTS)[number];
}
