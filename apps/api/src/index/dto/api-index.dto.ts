import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ApiIndexLinksDto {
  @ApiProperty({ example: '/health', description: 'Whether the database and the queue answer (no sign-in).' })
  health!: string;

  @ApiProperty({ example: '/api/v1/auth/login', description: 'POST e-mail and password here for a token pair.' })
  login!: string;

  @ApiPropertyOptional({ example: '/api/docs', description: 'The API documentation; absent when it is switched off (API_DOCS).' })
  docs?: string;

  @ApiPropertyOptional({ example: '/api/docs/openapi.json', description: 'The OpenAPI document; absent when the documentation is switched off.' })
  openapi?: string;
}

export class ApiIndexDto {
  @ApiProperty({ example: 'Drogenrapport API' })
  name!: string;

  @ApiProperty({ example: '1' })
  version!: string;

  @ApiProperty({ type: ApiIndexLinksDto })
  links!: ApiIndexLinksDto;
}
