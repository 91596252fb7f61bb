import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '#config/app-config.js';
import { Public } from '../auth/access.decorators.js';

export class CityBoundsDto {
  @ApiProperty() minLat: number;
  @ApiProperty() maxLat: number;
  @ApiProperty() minLon: number;
  @ApiProperty() maxLon: number;
}

export class WebConfigDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Tile URL template (MAP_TILE_URL); null: the maps show no tiles' }) mapTileUrl: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Attribution the tile provider requires' }) mapTileAttribution: string | null;
  @ApiProperty({ type: CityBoundsDto, description: 'The city area: where the maps open' }) cityBounds: CityBoundsDto;
}

/** What the web interface needs to know before anyone signs in: public, and nothing secret. */
@ApiTags('web')
@Controller('web-config')
export class WebConfigController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: WebConfigDto })
  get(): WebConfigDto {
    const c = this.config;
    return {
      mapTileUrl: c.MAP_TILE_URL ?? null,
      mapTileAttribution: c.MAP_TILE_ATTRIBUTION ?? null,
      cityBounds: { minLat: c.CITY_MIN_LAT, maxLat: c.CITY_MAX_LAT, minLon: c.CITY_MIN_LON, maxLon: c.CITY_MAX_LON },
    };
  }
}
