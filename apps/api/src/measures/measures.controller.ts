import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MeasuresService } from '#domain/measures/measures.service.js';
import type { Milestone } from '#domain/measures/milestone.entity.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiCsvResponse, ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { PageQueryDto, pageRequest } from '../common/page-query.dto.js';
import {
  ChangeStatusDto, CreateMeasureDto, ListMeasuresQueryDto, MeasureFilterQueryDto, MilestoneInputDto, ProgressNoteDto, toMeasureFilter, toMeasureInput,
  toMeasurePatch, UpdateMeasureDto, UpdateMilestoneDto,
} from './dto/measure.dto.js';
import { etag, expectedVersion, IF_MATCH_HEADER, withCurrent } from '../common/if-match.js';
import {
  MeasureEventDto, MeasureHistoryPageDto, MeasurePageDto, MeasureResponseDto, MilestoneResponseDto, toMeasureEvent, toMeasureResponse, toMilestoneResponse,
} from './measure.mapper.js';

const WHO_CARRIES = "the owning agency's liaisons, the responsible person and the deputy";

/**
 * Measures (Maßnahmen/Vereinbarungen). Reading is open to everyone signed in (the shared
 * agreement); object-level rules (who carries a measure) are checked in the service. Route order:
 * export.csv before :id.
 */
@ApiTags('measures')
@ApiBearerAuth()
@Controller('measures')
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  @Post()
  @Roles('coordinator')
  @ApiOperation({ summary: 'Record an agreed measure (coordinators)', description: 'Deadline from today on (Berlin date); responsible person and deputy must be active people of the owning agency.' })
  @ApiCreatedResponse({ type: MeasureResponseDto })
  @ApiProblems(400, 413, 415, 422)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateMeasureDto): Promise<MeasureResponseDto> {
    return this.measures.create(user, toMeasureInput(body)).then(toMeasureResponse);
  }

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'List measures', description: 'overdue is derived: open and the deadline lies before today in Berlin.' })
  @ApiOkResponse({ type: MeasurePageDto })
  @ApiProblems(400)
  async list(@Query() q: ListMeasuresQueryDto): Promise<MeasurePageDto> {
    const page = await this.measures.list(toMeasureFilter(q), pageRequest(q, 'deadline'));
    return { items: page.items.map(toMeasureResponse), nextCursor: page.nextCursor };
  }

  @Get('export.csv')
  @SignedIn()
  @ApiCsvResponse()
  @ApiProblems(400, 422)
  @ApiOperation({ summary: 'Export the filtered measures as CSV (UTF-8 with BOM, semicolons, CRLF, German headers, Berlin dates)', description: 'Every export is audited.' })
  async export(@CurrentUser() user: AuthenticatedUser, @Query() q: MeasureFilterQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const out = await this.measures.exportCsv(user, toMeasureFilter(q));
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${out.filename}"`);
    return Buffer.from(out.csv, 'utf8');
  }

  @Get(':id')
  @SignedIn()
  @ApiOkResponse({ type: MeasureResponseDto, description: 'ETag carries the version (for If-Match)' })
  @ApiProblems(400, 404)
  async get(@Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeasureResponseDto> {
    const view = await this.measures.get(id);
    void reply.header('etag', etag(view.measure.version));
    return toMeasureResponse(view);
  }

  @Patch(':id')
  @Roles('coordinator')
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOperation({ summary: 'Edit or reassign a measure (coordinators): owning agency, responsible, deputy, deadline, ...', description: 'Without a version (If-Match or body) 428 VERSION_REQUIRED; a stale one is 409 VERSION_CONFLICT with the current state in `current`.' })
  @ApiOkResponse({ type: MeasureResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 422, 428)
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdateMeasureDto, @Headers('if-match') ifMatch?: string): Promise<MeasureResponseDto> {
    const { version, ...patch } = body;
    return withCurrent(this.measures.update(user, id, toMeasurePatch(patch), expectedVersion(ifMatch, version, { required: true })), toMeasureResponse).then(toMeasureResponse);
  }

  @Post(':id/status')
  @SignedIn()
  @HttpCode(200)
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOperation({
    summary: 'Move a measure through its workflow',
    description: `planned -> in_progress -> done (with a completion note); blocked (with a reason) and back to planned or in_progress; cancelled (with a reason) from any open state. Status changes: ${WHO_CARRIES}; cancelling: coordinators. A transition that is not allowed is 409 INVALID_TRANSITION with \`allowed\`.`,
  })
  @ApiOkResponse({ type: MeasureResponseDto })
  @ApiProblems(400, 403, 404, 409, 413, 415)
  changeStatus(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: ChangeStatusDto, @Headers('if-match') ifMatch?: string): Promise<MeasureResponseDto> {
    const { version, ...change } = body;
    return withCurrent(this.measures.changeStatus(user, id, change, expectedVersion(ifMatch, version)), toMeasureResponse).then(toMeasureResponse);
  }

  @Post(':id/notes')
  @SignedIn()
  @ApiOperation({ summary: 'Add a progress note', description: `By ${WHO_CARRIES}. Kept in the history; never changed or deleted.` })
  @ApiCreatedResponse({ type: MeasureEventDto })
  @ApiProblems(400, 403, 404, 409, 413, 415)
  addNote(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: ProgressNoteDto): Promise<MeasureEventDto> {
    return this.measures.addNote(user, id, body.text).then(toMeasureEvent);
  }

  @Get(':id/history')
  @SignedIn()
  @ApiOperation({ summary: 'Every change and progress note, oldest first' })
  @ApiOkResponse({ type: MeasureHistoryPageDto })
  @ApiProblems(400, 404)
  async history(@Param('id', UuidParamPipe) id: string, @Query() q: PageQueryDto): Promise<MeasureHistoryPageDto> {
    const page = await this.measures.history(id, pageRequest(q, 'at', 'asc'));
    return { items: page.items.map(toMeasureEvent), nextCursor: page.nextCursor };
  }

  @Post(':id/milestones')
  @SignedIn()
  @ApiOperation({ summary: 'Add a milestone', description: `By ${WHO_CARRIES}.` })
  @ApiCreatedResponse({ type: MilestoneResponseDto })
  @ApiProblems(400, 403, 404, 409, 413, 415, 422)
  addMilestone(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: MilestoneInputDto): Promise<MilestoneResponseDto> {
    return this.measures.addMilestone(user, id, body).then(toMilestoneResponse);
  }

  @Patch(':id/milestones/:milestoneId')
  @SignedIn()
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOperation({ summary: 'Change a milestone or tick it off', description: `By ${WHO_CARRIES}.` })
  @ApiOkResponse({ type: MilestoneResponseDto })
  @ApiProblems(400, 403, 404, 409, 413, 415)
  updateMilestone(
    @CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Param('milestoneId', UuidParamPipe) milestoneId: string,
    @Body() body: UpdateMilestoneDto, @Headers('if-match') ifMatch?: string,
  ): Promise<MilestoneResponseDto> {
    const { version, ...patch } = body;
    return withCurrent(this.measures.updateMilestone(user, id, milestoneId, patch, expectedVersion(ifMatch, version)), (c: Milestone) => toMilestoneResponse(c)).then(toMilestoneResponse);
  }
}
