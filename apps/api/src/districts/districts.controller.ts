import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DistrictsService } from '#domain/places/districts.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { expectedVersion, IF_MATCH_HEADER } from '../common/if-match.js';
import { pageRequest } from '../common/page-query.dto.js';
import { DistrictPageDto, DistrictResponseDto, toDistrictResponse } from './district.mapper.js';
import { CreateDistrictDto, ListDistrictsQueryDto, UpdateDistrictDto } from './dto/district.dto.js';

@ApiTags('districts')
@ApiBearerAuth()
@Controller('districts')
export class DistrictsController {
  constructor(private readonly districts: DistrictsService) {}

  @Post()
  @Roles('coordinator')
  @ApiCreatedResponse({ type: DistrictResponseDto })
  @ApiProblems(400, 409, 413, 415)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateDistrictDto): Promise<DistrictResponseDto> {
    return this.districts.create(user, body).then(toDistrictResponse);
  }

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: DistrictPageDto })
  @ApiProblems(400)
  async list(@Query() q: ListDistrictsQueryDto): Promise<DistrictPageDto> {
    const page = await this.districts.list(q, pageRequest(q, 'name'));
    return { items: page.items.map(toDistrictResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: DistrictResponseDto })
  @ApiProblems(400, 404)
  get(@Param('id', UuidParamPipe) id: string): Promise<DistrictResponseDto> {
    return this.districts.get(id).then(toDistrictResponse);
  }

  @Patch(':id')
  @Roles('coordinator')
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: DistrictResponseDto })
  @ApiProblems(400, 404, 409, 413, 415)
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdateDistrictDto, @Headers('if-match') ifMatch?: string): Promise<DistrictResponseDto> {
    const { version, ...patch } = body;
    return this.districts.update(user, id, patch, expectedVersion(ifMatch, version)).then(toDistrictResponse);
  }

  @Post(':id/deactivate')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: DistrictResponseDto })
  @ApiProblems(400, 404)
  deactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<DistrictResponseDto> {
    return this.districts.setActive(user, id, false).then(toDistrictResponse);
  }

  @Post(':id/reactivate')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: DistrictResponseDto })
  @ApiProblems(400, 404)
  reactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<DistrictResponseDto> {
    return this.districts.setActive(user, id, true).then(toDistrictResponse);
  }
}
