import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PlacesService } from '#domain/places/places.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { expectedVersion, IF_MATCH_HEADER } from '../common/if-match.js';
import { pageRequest } from '../common/page-query.dto.js';
import { CreatePlaceDto, ListPlacesQueryDto, UpdatePlaceDto } from './dto/place.dto.js';
import { PlacePageDto, PlaceResponseDto, toPlaceResponse } from './place.mapper.js';

@ApiTags('places')
@ApiBearerAuth()
@Controller('places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Post()
  @Roles('coordinator')
  @ApiCreatedResponse({ type: PlaceResponseDto })
  @ApiProblems(400, 413, 415, 422)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreatePlaceDto): Promise<PlaceResponseDto> {
    return this.places.create(user, body).then(toPlaceResponse);
  }

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: PlacePageDto })
  @ApiProblems(400)
  async list(@Query() q: ListPlacesQueryDto): Promise<PlacePageDto> {
    const { nearLat, nearLon, radiusM, ...filter } = q;
    const near = nearLat !== undefined && nearLon !== undefined && radiusM !== undefined ? { lat: nearLat, lon: nearLon, radiusM } : undefined;
    const page = await this.places.list({ ...filter, near }, pageRequest(q, 'name'));
    return { items: page.items.map(toPlaceResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: PlaceResponseDto })
  @ApiProblems(400, 404)
  get(@Param('id', UuidParamPipe) id: string): Promise<PlaceResponseDto> {
    return this.places.get(id).then(toPlaceResponse);
  }

  @Patch(':id')
  @Roles('coordinator')
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: PlaceResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdatePlaceDto, @Headers('if-match') ifMatch?: string): Promise<PlaceResponseDto> {
    const { version, ...patch } = body;
    return this.places.update(user, id, patch, expectedVersion(ifMatch, version)).then(toPlaceResponse);
  }

  @Post(':id/deactivate')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: PlaceResponseDto })
  @ApiProblems(400, 404)
  deactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<PlaceResponseDto> {
    return this.places.setActive(user, id, false).then(toPlaceResponse);
  }

  @Post(':id/reactivate')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: PlaceResponseDto })
  @ApiProblems(400, 404)
  reactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<PlaceResponseDto> {
    return this.places.setActive(user, id, true).then(toPlaceResponse);
  }
}
