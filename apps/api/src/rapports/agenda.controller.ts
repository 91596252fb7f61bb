import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AgendaService } from '#domain/rapports/agenda.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { etag, expectedVersion, IF_MATCH_HEADER, withCurrent } from '../common/if-match.js';
import { AgendaResponseDto, toAgendaResponse } from './agenda.mapper.js';
import { AgendaItemPatchDto, AgendaItemTitleDto, AgendaOrderDto } from './dto/agenda.dto.js';

const EDIT = 'Coordinators, while the meeting is planned or convened (afterwards 409 RAPPORT_NOT_CHANGEABLE). Answers the agenda as you see it.';
const STALE = 'a stale one is 409 VERSION_CONFLICT with the agenda as it is now in `current`.';

/** The agenda of a meeting: generated on convene, edited by coordinators, read per reader. */
@ApiTags('rapports')
@ApiBearerAuth()
@Controller('rapports/:id/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'The agenda of a meeting, computed for you',
    description: 'Read like the meeting itself (others: 404). Generated on convene: one item per district with developments since the last held rapport of the series (else the last 60 days), due or overdue measures, open escalations, measures whose key figures are off track or flagged by the displacement watch. Counts, changes against the period before, development ids and key-figure flags come only from what you may see; escalations only those you may read. The ETag is the agenda\'s version (for reordering).',
  })
  @ApiOkResponse({ type: AgendaResponseDto, description: 'ETag carries the agenda\'s version (If-Match when reordering)' })
  @ApiProblems(400, 404)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<AgendaResponseDto> {
    const view = await this.agenda.read(user, id);
    void reply.header('etag', etag(view.version));
    return toAgendaResponse(view);
  }

  @Post('items')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Add an item at the end (coordinators)', description: EDIT })
  @ApiCreatedResponse({ type: AgendaResponseDto })
  @ApiProblems(400, 404, 409, 413, 415)
  async add(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: AgendaItemTitleDto): Promise<AgendaResponseDto> {
    return toAgendaResponse(await this.agenda.add(user, id, body.title));
  }

  @Patch('items/:itemId')
  @Roles('coordinator')
  @ApiHeader({ ...IF_MATCH_HEADER, description: "The item's version you read (items[].version), e.g. \"2\"; or send `version` in the body" })
  @ApiOperation({
    summary: 'Retitle an item (coordinators)',
    description: `${EDIT} An item of another meeting is 404 AGENDA_ITEM_NOT_FOUND. Send the item's version (If-Match or body): without it 428 VERSION_REQUIRED; ${STALE}`,
  })
  @ApiOkResponse({ type: AgendaResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 428)
  async retitle(
    @CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Param('itemId', UuidParamPipe) itemId: string, @Body() body: AgendaItemPatchDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<AgendaResponseDto> {
    return toAgendaResponse(await withCurrent(this.agenda.retitle(user, id, itemId, body.title, expectedVersion(ifMatch, body.version, { required: true })), toAgendaResponse));
  }

  @Delete('items/:itemId')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove an item (coordinators)', description: `${EDIT} The items after it move up. An item a measure was agreed under is 409 AGENDA_ITEM_HAS_MEASURES.` })
  @ApiOkResponse({ type: AgendaResponseDto })
  @ApiProblems(400, 404, 409)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Param('itemId', UuidParamPipe) itemId: string): Promise<AgendaResponseDto> {
    return toAgendaResponse(await this.agenda.remove(user, id, itemId));
  }

  @Put('order')
  @Roles('coordinator')
  @ApiHeader({ ...IF_MATCH_HEADER, description: "The agenda's version you read (its `version`, sent as ETag), e.g. \"4\"; or send `version` in the body" })
  @ApiOperation({
    summary: 'Reorder the agenda (coordinators)',
    description: `${EDIT} itemIds lists every item of the agenda once: an unknown or repeated id is 400 AGENDA_ITEM_UNKNOWN / AGENDA_ITEM_REPEATED naming itemIds.<n>, a missing one 400 AGENDA_ORDER_INCOMPLETE naming itemIds; nothing is stored then. The order is based on the agenda as a whole: send its version (If-Match or body; every change to the agenda raises it): without it 428 VERSION_REQUIRED; ${STALE}`,
  })
  @ApiOkResponse({ type: AgendaResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 428)
  async reorder(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: AgendaOrderDto, @Headers('if-match') ifMatch?: string): Promise<AgendaResponseDto> {
    return toAgendaResponse(await withCurrent(this.agenda.reorder(user, id, body.itemIds, expectedVersion(ifMatch, body.version, { required: true })), toAgendaResponse));
  }
}
