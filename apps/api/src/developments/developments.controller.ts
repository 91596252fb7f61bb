import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DevelopmentTrendsService } from '#domain/developments/development-trends.service.js';
import { DevelopmentsService } from '#domain/developments/developments.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiCsvResponse, ApiProblems } from '../common/api-problems.decorator.js';
import { EncodedJsonCache } from '../common/encoded-json.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { etag, expectedVersion, IF_MATCH_HEADER, withCurrent } from '../common/if-match.js';
import { pageRequest } from '../common/page-query.dto.js';
import {
  DevelopmentPageDto, DevelopmentResponseDto, SummaryResponseDto, toDevelopmentResponse, toSummaryResponse, TrendsResponseDto,
} from './development.mapper.js';
import {
  CreateDevelopmentDto, DevelopmentFilterQueryDto, ListDevelopmentsQueryDto, NO_PERSONAL_DATA, SummaryQueryDto, toDevelopmentFilter,
  toDevelopmentInput, toDevelopmentPatch, toTrendQuery, TrendsQueryDto, UpdateDevelopmentDto, WithdrawDevelopmentDto,
} from './dto/development.dto.js';

/** A city's year by week is 1.6 MB of JSON at 1M developments: room for about 20 such answers. */
const TREND_ANSWERS_MB = 32;

const VISIBILITY_NOTE = 'Only developments the caller may see (visibility all / own agency / named agencies) count; no role bypasses this.';

/**
 * Developments (Lagemeldungen). Visibility is enforced in the service for every route. Route order
 * matters: the fixed paths (trends, summary, export.csv) are declared before /:id.
 */
@ApiTags('developments')
@ApiBearerAuth()
@Controller('developments')
export class DevelopmentsController {
  /** Trend answers as JSON and compressed, per answer tag; per process, at most TREND_ANSWERS_MB. */
  private readonly trendAnswers = new EncodedJsonCache(TREND_ANSWERS_MB * 1024 * 1024);

  constructor(private readonly developments: DevelopmentsService, private readonly trendsService: DevelopmentTrendsService) {}

  @Post()
  @Roles('liaison')
  @ApiOperation({ summary: 'Log a development for your agency (liaisons)', description: `Reporting agency and person come from the token. ${NO_PERSONAL_DATA}` })
  @ApiCreatedResponse({ type: DevelopmentResponseDto })
  @ApiProblems(400, 413, 415, 422)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateDevelopmentDto): Promise<DevelopmentResponseDto> {
    return this.developments.create(user, toDevelopmentInput(body)).then(toDevelopmentResponse);
  }

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'List developments', description: `${VISIBILITY_NOTE} Withdrawn ones only with includeWithdrawn=true.` })
  @ApiOkResponse({ type: DevelopmentPageDto })
  @ApiProblems(400)
  async list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListDevelopmentsQueryDto): Promise<DevelopmentPageDto> {
    const page = await this.developments.list(user, toDevelopmentFilter(q, user), pageRequest(q, 'observedAt', 'desc'));
    return { items: page.items.map(toDevelopmentResponse), nextCursor: page.nextCursor };
  }

  @Get('trends')
  @SignedIn()
  @ApiOperation({ summary: 'Counts per category and district or place per week or month (Berlin time), with the change against the previous bucket', description: VISIBILITY_NOTE })
  @ApiOkResponse({ type: TrendsResponseDto })
  @ApiProblems(400)
  async trends(@CurrentUser() user: AuthenticatedUser, @Query() q: TrendsQueryDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    // Serialised and compressed once per answer (its tag), not per request: see EncodedJson.
    const answer = await this.trendsService.trendsAnswer(user, toTrendQuery(q));
    // answer.json() is JSON.stringify(toTrendResponse(answer.build())), serialising only the series that changed (test/trends-json.e2e-spec.ts).
    const json = await this.trendAnswers.get(answer.tag, answer.json, { name: answer.view, version: answer.changes });
    return json.send(req, reply);
  }

  @Get('summary')
  @SignedIn()
  @ApiOperation({
    summary: 'Since the last rapport: counts per reporting agency and category',
    description: `${VISIBILITY_NOTE} Either since, or rapportId: then since is the start of the last held rapport of that meeting's series before it (a meeting you may not read: 404; none held before it: 422 NO_EARLIER_RAPPORT). Both or neither: 400 SINCE_OR_RAPPORT.`,
  })
  @ApiOkResponse({ type: SummaryResponseDto })
  @ApiProblems(400, 404, 422)
  async summary(@CurrentUser() user: AuthenticatedUser, @Query() q: SummaryQueryDto): Promise<SummaryResponseDto> {
    const since = await this.trendsService.summarySince(user, { since: q.since ? new Date(q.since) : undefined, rapportId: q.rapportId });
    return toSummaryResponse(await this.trendsService.summary(user, since, q.until ? new Date(q.until) : undefined));
  }

  @Get('export.csv')
  @SignedIn()
  @ApiCsvResponse()
  @ApiProblems(400, 422)
  @ApiOperation({ summary: 'Export the filtered list as CSV (UTF-8 with BOM, semicolons, German headers; at most 100,000 rows)', description: `${VISIBILITY_NOTE} Every export is audited.` })
  async export(@CurrentUser() user: AuthenticatedUser, @Query() q: DevelopmentFilterQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const out = await this.developments.exportCsv(user, toDevelopmentFilter(q, user));
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${out.filename}"`);
    return Buffer.from(out.csv, 'utf8');
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: DevelopmentResponseDto, description: 'ETag carries the version (for If-Match)' })
  @ApiProblems(400, 404)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<DevelopmentResponseDto> {
    const dev = await this.developments.get(user, id);
    void reply.header('etag', etag(dev.version));
    return toDevelopmentResponse(dev);
  }

  /** Signed-in only here: the service answers 404 for what the caller cannot see, 403 for what is not theirs. */
  @Patch(':id')
  @SignedIn()
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOperation({
    summary: 'Correct a development (liaisons of the reporting agency; send the version you read)',
    description: `${NO_PERSONAL_DATA} Without a version (If-Match or body) 428 VERSION_REQUIRED; a stale one is 409 VERSION_CONFLICT with the current state in \`current\`.`,
  })
  @ApiOkResponse({ type: DevelopmentResponseDto })
  @ApiProblems(400, 403, 404, 409, 413, 415, 422, 428)
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdateDevelopmentDto, @Headers('if-match') ifMatch?: string): Promise<DevelopmentResponseDto> {
    const { version, ...patch } = body;
    const expected = expectedVersion(ifMatch, version, { required: true });
    return withCurrent(this.developments.update(user, id, toDevelopmentPatch(patch), expected), toDevelopmentResponse).then(toDevelopmentResponse);
  }

  @Post(':id/withdraw')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a development (liaisons of the reporting agency); the record stays, marked withdrawn' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: DevelopmentResponseDto })
  @ApiProblems(400, 403, 404, 409, 413, 415)
  withdraw(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: WithdrawDevelopmentDto, @Headers('if-match') ifMatch?: string): Promise<DevelopmentResponseDto> {
    return withCurrent(this.developments.withdraw(user, id, body.reason, expectedVersion(ifMatch, body.version)), toDevelopmentResponse).then(toDevelopmentResponse);
  }
}
