import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from the last login or refresh; each can be used once.' })
  @IsString() @MaxLength(200) @Matches(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{20,}$/, { message: 'is not a refresh token' })
  refreshToken: string;
}
