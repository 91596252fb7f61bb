import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RefreshDto {
  // The token's shape is checked by SessionsService: a malformed token is an invalid one (401
  // REFRESH_TOKEN_INVALID), the same answer as a forged one.
  @ApiProperty({ description: 'The refresh token from the last login or refresh; each can be used once.', maxLength: 200 })
  @IsString() @IsNotEmpty() @MaxLength(200)
  refreshToken: string;
}
