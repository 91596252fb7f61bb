import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MIN_LENGTH } from '#domain/people/passwords.js';

export class ChangePasswordDto {
  @ApiPropertyOptional({ description: 'Required when changing your own password.' })
  @IsOptional() @IsString() @MaxLength(200)
  oldPassword?: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200)
  newPassword: string;
}
