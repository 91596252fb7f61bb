import { ApiProperty } from '@nestjs/swagger';
import type { TokenPair } from '#domain/auth/sessions.service.js';

export class TokenPairDto implements TokenPair {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Use once at POST /api/v1/auth/refresh; a second use ends the session.' }) refreshToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
}
