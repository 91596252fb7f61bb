import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '#config/app-config.js';
import { Public } from '../auth/access.decorators.js';
import { ApiIndexDto } from './dto/api-index.dto.js';

/**
 * GET /api/v1: the address `npm start` prints. A public list of where to go next, so that the first
 * thing a new user opens answers instead of a 404.
 */
@ApiTags('index')
@Controller()
export class ApiIndexController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: ApiIndexDto })
  index(): ApiIndexDto {
    return {
      name: 'Drogenrapport API',
      version: '1',
      links: {
        health: '/health',
        login: '/api/v1/auth/login',
        ...(this.config.apiDocs ? { docs: '/api/docs', openapi: '/api/docs/openapi.json' } : {}),
      },
    };
  }
}
