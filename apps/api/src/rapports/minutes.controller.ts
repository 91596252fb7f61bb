import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { renderMinutesPdf } from '#domain/rapports/minutes-pdf.js';
import { MinutesService } from '#domain/rapports/minutes.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { expectedVersion, IF_MATCH_HEADER, withCurrent } from '../common/if-match.js';
import { toMeasureInput } from '../measures/dto/measure.dto.js';
import { MeasureResponseDto, toMeasureResponse } from '../measures/measure.mapper.js';
import { AgreeMeasureDto, CorrectMinutesDto, MinutesEntryPatchDto, MinutesQueryDto, NewMinutesEntryDto } from './dto/minutes.dto.js';
import { MinutesEntryResponseDto, MinutesResponseDto, toMinutesEntryResponse, toMinutesResponse } from './minutes.mapper.js';

const WHO_READS = 'Read like GET /rapports/{id}; in addition leadership reads every published minute (others: 404). Without `revision` the latest revision; an unknown one is 404 REVISION_NOT_FOUND.';
const WRITABLE = 'Only while the meeting is held: before that 409 MINUTES_NOT_OPEN, once published 409 MINUTES_PUBLISHED (correct with a new revision).';

/** Minutes of a meeting (issue 8): entries while held, publishing via the status route, revisions, JSON and PDF. */
@ApiTags('rapports')
@ApiBearerAuth()
@Controller('rapports/:id/minutes')
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The minutes of a meeting: attendance, entries per agenda item with their decisions and agreed measures', description: WHO_READS })
  @ApiOkResponse({ type: MinutesResponseDto })
  @ApiProblems(400, 404)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Query() q: MinutesQueryDto): Promise<MinutesResponseDto> {
    return toMinutesResponse(await this.minutes.get(user, id, q.revision));
  }

  @Post()
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Add an entry to the minutes (coordinators)',
    description: `Appended at the end, under an agenda item of this meeting (agendaItemId: another is 422 AGENDA_ITEM_NOT_FOUND, one that already has an entry 409 AGENDA_ITEM_HAS_ENTRY) or free. ${WRITABLE}`,
  })
  @ApiCreatedResponse({ type: MinutesEntryResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  add(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: NewMinutesEntryDto): Promise<MinutesEntryResponseDto> {
    return this.minutes.addEntry(user, id, body).then(toMinutesEntryResponse);
  }

  @Post('revisions')
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Correct published minutes with a new revision (coordinators)',
    description: 'Copies every entry of the latest revision into a new one (each linked to the entry it replaces by previousId) with the corrections applied; nothing is changed in place. Only for published minutes (409 MINUTES_NOT_PUBLISHED); an entry not in the latest revision is 422 MINUTES_ENTRY_NOT_FOUND.',
  })
  @ApiCreatedResponse({ type: MinutesResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  correct(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: CorrectMinutesDto): Promise<MinutesResponseDto> {
    return this.minutes.correct(user, id, body.corrections).then(toMinutesResponse);
  }

  @Patch(':entryId')
  @Roles('coordinator')
  @ApiHeader({ ...IF_MATCH_HEADER, description: "The entry's version you read (entries[].version), e.g. \"2\"; or send `version` in the body" })
  @ApiOperation({
    summary: 'Edit an entry of the minutes (coordinators)',
    description: `${WRITABLE} Send the entry's version (If-Match or body): without it 428 VERSION_REQUIRED; a stale one is 409 VERSION_CONFLICT with the entry as it is now in \`current\`.`,
  })
  @ApiOkResponse({ type: MinutesEntryResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 428)
  update(
    @CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Param('entryId', UuidParamPipe) entryId: string, @Body() body: MinutesEntryPatchDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<MinutesEntryResponseDto> {
    const { version, ...input } = body;
    return withCurrent(this.minutes.updateEntry(user, id, entryId, input, expectedVersion(ifMatch, version, { required: true })), toMinutesEntryResponse).then(toMinutesEntryResponse);
  }

  @Post(':entryId/measures')
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Agree a measure under an entry ("Maßnahme vereinbaren", coordinators)',
    description: `Records the measure as POST /measures does (same checks), linked to this meeting (rapportId) and to the entry's agenda item (agendaItemId; none for a free entry). ${WRITABLE}`,
  })
  @ApiCreatedResponse({ type: MeasureResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  agree(
    @CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Param('entryId', UuidParamPipe) entryId: string, @Body() body: AgreeMeasureDto,
  ): Promise<MeasureResponseDto> {
    return this.minutes.agreeMeasure(user, id, entryId, toMeasureInput(body)).then(toMeasureResponse);
  }
}

/** The PDF sits beside the JSON (`/minutes.pdf`), so it has its own controller path. */
@ApiTags('rapports')
@ApiBearerAuth()
@Controller('rapports/:id')
export class MinutesPdfController {
  constructor(private readonly minutes: MinutesService) {}

  @Get('minutes.pdf')
  @SignedIn()
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The minutes as a German PDF', description: `Title, date (Europe/Berlin), attendance, then per entry its agenda item, notes, decisions and the measures agreed under that item (owning agency, responsible person, deadline), then the measures agreed under no item. ${WHO_READS}` })
  @ApiOkResponse({ description: 'The minutes (application/pdf)', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 404)
  async pdf(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Query() q: MinutesQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const view = await this.minutes.get(user, id, q.revision);
    const pdf = await renderMinutesPdf(view);
    void reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="protokoll-${id}-r${view.revision}.pdf"`).header('cache-control', 'private, no-store');
    return pdf;
  }
}
