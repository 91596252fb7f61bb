import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RapportSeriesService, type SeriesView } from '#domain/rapports/rapport-series.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { etag, expectedVersion, IF_MATCH_HEADER, withCurrent } from '../common/if-match.js';
import { pageRequest } from '../common/page-query.dto.js';
import { CreateSeriesDto, ListSeriesQueryDto, UpdateSeriesDto } from './dto/rapport.dto.js';
import { SeriesPageDto, SeriesResponseDto, toSeriesResponse } from './rapport.mapper.js';

const WHO_READS = 'Coordinators and leadership read every series; anyone else signed in the series their agency takes part in (others: 404).';

/** Series of regular rapports (RFC 5545 RRULE in Europe/Berlin). */
@ApiTags('rapports')
@ApiBearerAuth()
@Controller('rapport-series')
export class RapportSeriesController {
  constructor(private readonly series: RapportSeriesService) {}

  @Post()
  @Roles('coordinator')
  @ApiOperation({ summary: 'Create a series of regular rapports (coordinators)', description: 'Its first meeting ahead is planned at once. An RRULE that does not parse or yields no future date is 400 INVALID_RRULE (field rrule).' })
  @ApiCreatedResponse({ type: SeriesResponseDto })
  @ApiProblems(400, 413, 415, 422)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateSeriesDto): Promise<SeriesResponseDto> {
    return this.series.create(user, body).then(toSeriesResponse);
  }

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'List rapport series', description: WHO_READS })
  @ApiOkResponse({ type: SeriesPageDto })
  @ApiProblems(400)
  async list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListSeriesQueryDto): Promise<SeriesPageDto> {
    const page = await this.series.list(user, { active: q.active }, pageRequest(q, 'createdAt'));
    return { items: page.items.map(toSeriesResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @SignedIn()
  @ApiOperation({ summary: 'One rapport series', description: WHO_READS })
  @ApiOkResponse({ type: SeriesResponseDto, description: 'ETag carries the version (for If-Match)' })
  @ApiProblems(400, 404)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<SeriesResponseDto> {
    const view = await this.series.get(user, id);
    void reply.header('etag', etag(view.series.version));
    return toSeriesResponse(view);
  }

  @Patch(':id')
  @Roles('coordinator')
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOperation({ summary: 'Change a series (coordinators)', description: 'Applies to meetings planned from now on; a meeting already planned is changed on its own. Without a version 428; a stale one 409 VERSION_CONFLICT with `current`.' })
  @ApiOkResponse({ type: SeriesResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 422, 428)
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdateSeriesDto, @Headers('if-match') ifMatch?: string): Promise<SeriesResponseDto> {
    const { version, ...patch } = body;
    return withCurrent(this.series.update(user, id, patch, expectedVersion(ifMatch, version, { required: true })), (c: SeriesView) => toSeriesResponse(c)).then(toSeriesResponse);
  }

  @Post(':id/deactivate')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a series (coordinators)', description: 'No new meetings are planned; planned ones stay until cancelled.' })
  @ApiOkResponse({ type: SeriesResponseDto })
  @ApiProblems(400, 404)
  deactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<SeriesResponseDto> {
    return this.series.setActive(user, id, false).then(toSeriesResponse);
  }

  @Post(':id/reactivate')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate a series (coordinators)', description: 'Plans its next meeting at once.' })
  @ApiOkResponse({ type: SeriesResponseDto })
  @ApiProblems(400, 404)
  reactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<SeriesResponseDto> {
    return this.series.setActive(user, id, true).then(toSeriesResponse);
  }
}
