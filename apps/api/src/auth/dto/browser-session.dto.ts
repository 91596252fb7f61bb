import { ApiProperty } from '@nestjs/swagger';

/** The browser's sign-in answer: the access token only; the refresh token is in the httpOnly cookie. */
export class BrowserSessionDto {
  @ApiProperty({ description: 'Keep in memory only; send as Authorization: Bearer' }) accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires; refresh before then' }) expiresIn: number;
}
