import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgendaService } from '#domain/rapports/agenda.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { AgendaResponseDto, toAgendaResponse } from './agenda.mapper.js';
import { AgendaItemTitleDto, AgendaOrderDto } from './dto/agenda.dto.js';

const EDIT = 'Coordinators, while the meeting is planned or convened (afterwards 409 RAPPORT_NOT_CHANGEABLE). Answers the agenda as you see it.';

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
    description: 'Read like the meeting itself (others: 404). Generated on convene: one item per district with developments since the last held rapport of the series (else the last 60 days), due or overdue measures, open escalations. Counts, changes against the period before and development ids include only what you may see; escalations only those you may read.',
  })
  @ApiOkResponse({ type: AgendaResponseDto })
  @ApiProblems(400, 404)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<AgendaResponseDto> {
    return toAgendaResponse(await this.agenda.read(user, id));
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
  @ApiOperation({ summary: 'Retitle an item (coordinators)', description: `${EDIT} An item of another meeting is 404 AGENDA_ITEM_NOT_FOUND.` })
  @ApiOkResponse({ type: AgendaResponseDto })
  @ApiProblems(400, 404, 409, 413, 415)
  async retitle(
    @CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Param('itemId', UuidParamPipe) itemId: string, @Body() body: AgendaItemTitleDto,
  ): Promise<AgendaResponseDto> {
    return toAgendaResponse(await this.agenda.retitle(user, id, itemId, body.title));
  }

  @Delete('items/:itemId')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove an item (coordinators)', description: `${EDIT} The items after it move up.` })
  @ApiOkResponse({ type: AgendaResponseDto })
  @ApiProblems(400, 404, 409)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Param('itemId', UuidParamPipe) itemId: string): Promise<AgendaResponseDto> {
    return toAgendaResponse(await this.agenda.remove(user, id, itemId));
  }

  @Put('order')
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Reorder the agenda (coordinators)',
    description: `${EDIT} itemIds lists every item of the agenda once: an unknown or repeated id is 400 AGENDA_ITEM_UNKNOWN / AGENDA_ITEM_REPEATED naming itemIds.<n>, a missing one 400 AGENDA_ORDER_INCOMPLETE naming itemIds; nothing is stored then.`,
  })
  @ApiOkResponse({ type: AgendaResponseDto })
  @ApiProblems(400, 404, 409, 413, 415)
  async reorder(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: AgendaOrderDto): Promise<AgendaResponseDto> {
    return toAgendaResponse(await this.agenda.reorder(user, id, body.itemIds));
  }
}
