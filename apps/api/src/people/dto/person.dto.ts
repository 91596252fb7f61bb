import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { PASSWORD_MIN_LENGTH } from '#domain/people/passwords.js';
import { ROLES, type Role } from '#domain/people/role.js';
import { IsOptionalNotNull } from '../../common/optional-not-null.decorator.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { QueryBoolean } from '../../common/query-boolean.decorator.js';
import { RequiredText } from '../../common/required-text.decorator.js';

export class CreatePersonDto {
  @ApiProperty() @IsUUID()
  agencyId: string;

  @ApiProperty() @IsString() @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ maxLength: 200 }) @RequiredText(200)
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true, description: 'admin combines with no other role' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: 'Initial password; the person should change it' })
  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'An active person of the same agency' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID()
  deputyId?: string | null;
}

export class UpdatePersonDto {
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @IsEmail() @MaxLength(254)
  email?: string;

  @ApiPropertyOptional() @IsOptionalNotNull() @RequiredText(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'Not your own; admin combines with no other role; a new role needs confirming by the agency leadership' })
  @IsOptionalNotNull() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null removes the deputy' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID()
  deputyId?: string | null;

  @ApiPropertyOptional({ description: 'The version you read; a stale version is refused (409)' })
  @IsOptionalNotNull() @IsInt() @Min(1)
  version?: number;
}

const SORTS = ['displayName', 'email', 'createdAt'] as const;

export class ListPeopleQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Admins only; others always see active people' })
  @QueryBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: "false: people whose access waits for their agency's leadership to confirm it" })
  @QueryBoolean()
  accessConfirmed?: boolean;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: SORTS }) @IsOptional() @IsIn(SORTS)
  sort?: (typeof SORTS)[number];
}
