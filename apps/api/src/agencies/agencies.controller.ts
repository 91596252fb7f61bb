import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AgenciesService } from '#domain/agencies/agencies.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { expectedVersion, IF_MATCH_HEADER } from '../common/if-match.js';
import { pageRequest } from '../common/page-query.dto.js';
import { AgencyPageDto, AgencyResponseDto, toAgencyResponse } from './agency.mapper.js';
import { CreateAgencyDto, ListAgenciesQueryDto, UpdateAgencyDto } from './dto/agency.dto.js';

/**
 * Coordinators keep the agencies they coordinate; admins keep the accounts, and every account
 * belongs to an agency, so they set up a new agency before its people (issue 10, admin pages).
 */
const AGENCY_KEEPERS = ['coordinator', 'admin'] as const;

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Post()
  @Roles(...AGENCY_KEEPERS)
  @ApiCreatedResponse({ type: AgencyResponseDto })
  @ApiProblems(400, 409, 413, 415)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateAgencyDto): Promise<AgencyResponseDto> {
    return this.agencies.create(user, body).then(toAgencyResponse);
  }

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: AgencyPageDto })
  @ApiProblems(400)
  async list(@Query() q: ListAgenciesQueryDto): Promise<AgencyPageDto> {
    const page = await this.agencies.list(q, pageRequest(q, 'name'));
    return { items: page.items.map(toAgencyResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: AgencyResponseDto })
  @ApiProblems(400, 404)
  get(@Param('id', UuidParamPipe) id: string): Promise<AgencyResponseDto> {
    return this.agencies.get(id).then(toAgencyResponse);
  }

  @Patch(':id')
  @Roles(...AGENCY_KEEPERS)
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: AgencyResponseDto })
  @ApiProblems(400, 404, 409, 413, 415)
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdateAgencyDto, @Headers('if-match') ifMatch?: string): Promise<AgencyResponseDto> {
    const { version, ...patch } = body;
    return this.agencies.update(user, id, patch, expectedVersion(ifMatch, version)).then(toAgencyResponse);
  }

  @Post(':id/deactivate')
  @Roles(...AGENCY_KEEPERS)
  @HttpCode(200)
  @ApiOkResponse({ type: AgencyResponseDto })
  @ApiProblems(400, 404)
  deactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<AgencyResponseDto> {
    return this.agencies.setActive(user, id, false).then(toAgencyResponse);
  }

  @Post(':id/reactivate')
  @Roles(...AGENCY_KEEPERS)
  @HttpCode(200)
  @ApiOkResponse({ type: AgencyResponseDto })
  @ApiProblems(400, 404)
  reactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<AgencyResponseDto> {
    return this.agencies.setActive(user, id, true).then(toAgencyResponse);
  }
}
