import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EscalationsService } from '#domain/escalations/escalations.service.js';
import { RapportResponseDto, toRapportResponse } from '../rapports/rapport.mapper.js';
import { CurrentUser, Roles } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { etag, expectedVersion, IF_MATCH_HEADER, withCurrent } from '../common/if-match.js';
import { pageRequest } from '../common/page-query.dto.js';
import { ConveneEscalationDto, DismissEscalationDto, ListEscalationsQueryDto, RaiseEscalationDto } from './dto/escalation.dto.js';
import { EscalationPageDto, EscalationResponseDto, toEscalationResponse } from './escalation.mapper.js';

const READ_NOTE = `Coordinators and leadership read every escalation; liaisons those raised by their agency and those
linking a development of their agency that they may see. Every answer lists only the linked developments **you may see**
(the others are left out and not counted).`;

@ApiTags('escalations')
@ApiBearerAuth()
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Post()
  @Roles('coordinator', 'liaison')
  @ApiOperation({ summary: 'Raise an escalation towards the extended rapport', description: 'Each linked development must be one you may see (otherwise 422 DEVELOPMENT_NOT_FOUND, as for one that does not exist).' })
  @ApiCreatedResponse({ type: EscalationResponseDto })
  @ApiProblems(400, 413, 415, 422)
  async raise(@CurrentUser() user: AuthenticatedUser, @Body() body: RaiseEscalationDto): Promise<EscalationResponseDto> {
    return toEscalationResponse(await this.escalations.raise(user, body));
  }

  @Get()
  @Roles('coordinator', 'leadership', 'liaison')
  @ApiOperation({ summary: 'Escalations, newest first', description: READ_NOTE })
  @ApiOkResponse({ type: EscalationPageDto })
  @ApiProblems(400)
  async list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListEscalationsQueryDto): Promise<EscalationPageDto> {
    const page = await this.escalations.list(user, { status: q.status }, pageRequest(q, 'createdAt', 'desc'));
    return { items: page.items.map(toEscalationResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('coordinator', 'leadership', 'liaison')
  @ApiOperation({ summary: 'One escalation', description: READ_NOTE })
  @ApiOkResponse({ type: EscalationResponseDto, description: 'ETag carries the version (for If-Match)' })
  @ApiProblems(400, 404)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<EscalationResponseDto> {
    const v = await this.escalations.get(user, id);
    void reply.header('etag', etag(v.escalation.version));
    return toEscalationResponse(v);
  }

  @Post(':id/dismiss')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss a proposed escalation, with a reason', description: 'Only a proposed escalation (409 ESCALATION_NOT_OPEN otherwise). A threshold rule stays quiet for that scope for one window length after its proposal was dismissed.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: EscalationResponseDto })
  @ApiProblems(400, 404, 409, 413, 415)
  dismiss(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: DismissEscalationDto, @Headers('if-match') ifMatch?: string): Promise<EscalationResponseDto> {
    return withCurrent(this.escalations.dismiss(user, id, body.reason, expectedVersion(ifMatch, body.version)), toEscalationResponse).then(toEscalationResponse);
  }

  @Post(':id/convene')
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Convene the extended rapport for a proposed escalation (coordinators)',
    description: `Creates a meeting of kind extended (no series) with a goal statement and convenes it at once: the liaisons
and the leadership of the chosen agencies are invited. The escalation becomes convened and links to the meeting (rapportId);
it is resolved when the meeting is marked as held. An escalation that is not proposed: 409 ESCALATION_NOT_OPEN with
\`currentStatus\`; a meeting in the past: 422 MEETING_IN_PAST (field startsAt); an unknown agency: 422 AGENCY_NOT_FOUND.
Nothing is stored on a refusal.`,
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ type: RapportResponseDto, description: 'The extended rapport, with its invitations' })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  convene(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: ConveneEscalationDto, @Headers('if-match') ifMatch?: string): Promise<RapportResponseDto> {
    const input = { title: body.title, goal: body.goal, location: body.location, agencyIds: body.agencyIds, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) };
    return withCurrent(this.escalations.convene(user, id, input, expectedVersion(ifMatch, body.version)), toEscalationResponse).then(toRapportResponse);
  }
}
