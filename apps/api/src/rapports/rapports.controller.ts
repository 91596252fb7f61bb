import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RapportsService, type RapportView } from '#domain/rapports/rapports.service.js';
import { CurrentUser, Roles, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { etag, expectedVersion, IF_MATCH_HEADER, withCurrent } from '../common/if-match.js';
import { pageRequest } from '../common/page-query.dto.js';
import { AnswerDto, InvitePeopleDto, ListRapportsQueryDto, RapportStatusDto, RecordAttendanceDto, toRapportFilter, UpdateRapportDto } from './dto/rapport.dto.js';
import { RapportPageDto, RapportResponseDto, toRapportResponse } from './rapport.mapper.js';

const WHO_READS = 'Coordinators read every meeting; leadership every regular meeting, and an extended rapport when invited to it or when their agency takes part in it; anyone else signed in the meetings their agency takes part in and those they are invited to by name (others: 404).';
const mapCurrent = (c: RapportView) => toRapportResponse(c);

/** Meetings (rapports): status, moving, invitations, answers, attendance. */
@ApiTags('rapports')
@ApiBearerAuth()
@Controller('rapports')
export class RapportsController {
  constructor(private readonly rapports: RapportsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'List meetings', description: WHO_READS })
  @ApiOkResponse({ type: RapportPageDto })
  @ApiProblems(400)
  async list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListRapportsQueryDto): Promise<RapportPageDto> {
    const page = await this.rapports.list(user, toRapportFilter(q), pageRequest(q, 'startsAt'));
    return { items: page.items.map(toRapportResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @SignedIn()
  @ApiOperation({ summary: 'One meeting with its invitations, answers and attendance', description: WHO_READS })
  @ApiOkResponse({ type: RapportResponseDto, description: 'ETag carries the version (for If-Match)' })
  @ApiProblems(400, 404)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<RapportResponseDto> {
    const view = await this.rapports.get(user, id);
    void reply.header('etag', etag(view.rapport.version));
    return toRapportResponse(view);
  }

  @Patch(':id')
  @Roles('coordinator')
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOperation({
    summary: 'Move, rename or relocate one meeting (coordinators)',
    description: 'Only while planned or convened; a new start never in the past (422 START_IN_PAST); the series is not changed. Without a version 428; a stale one 409 VERSION_CONFLICT with `current`.',
  })
  @ApiOkResponse({ type: RapportResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 422, 428)
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdateRapportDto, @Headers('if-match') ifMatch?: string): Promise<RapportResponseDto> {
    const { version, startsAt, endsAt, ...rest } = body;
    const patch = { ...rest, startsAt: startsAt ? new Date(startsAt) : undefined, endsAt: endsAt ? new Date(endsAt) : undefined };
    return withCurrent(this.rapports.update(user, id, patch, expectedVersion(ifMatch, version, { required: true })), mapCurrent).then(toRapportResponse);
  }

  @Post(':id/status')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOperation({
    summary: 'Convene, mark as held, or cancel a meeting (coordinators)',
    description: 'Convening invites the active liaisons of the participating agencies (for an extended rapport also their leadership) and the people named in personIds; a meeting in the past is 422 MEETING_IN_PAST. Held from its start on; then the series plans its next meeting. Publishing the minutes (minutes_published) makes them read-only; for an extended rapport it needs at least one measure agreed there (else 409 MEASURES_NOT_AGREED) and resolves the escalation it was convened for. Cancelled needs a reason. A move not allowed is 409 INVALID_TRANSITION with `allowed`.',
  })
  @ApiOkResponse({ type: RapportResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  changeStatus(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: RapportStatusDto, @Headers('if-match') ifMatch?: string): Promise<RapportResponseDto> {
    const { version, ...input } = body;
    return withCurrent(this.rapports.changeStatus(user, id, input, expectedVersion(ifMatch, version)), mapCurrent).then(toRapportResponse);
  }

  @Post(':id/invitations')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Invite people by name (coordinators)', description: 'While the meeting is planned or convened; someone already invited stays invited once.' })
  @ApiOkResponse({ type: RapportResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  invite(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: InvitePeopleDto): Promise<RapportResponseDto> {
    return this.rapports.invite(user, id, body.personIds).then(toRapportResponse);
  }

  @Post(':id/invitations/:invitationId/answer')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer your invitation: accept, decline, tentative, or delegate (send your deputy)',
    description: 'Only the invitee answers (someone else\'s invitation: 403 NOT_YOUR_INVITATION); while the meeting is convened. Delegating invites your deputy (422 NO_DEPUTY without one).',
  })
  @ApiOkResponse({ type: RapportResponseDto })
  @ApiProblems(400, 403, 404, 409, 413, 415, 422)
  answer(
    @CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Param('invitationId', UuidParamPipe) invitationId: string, @Body() body: AnswerDto,
  ): Promise<RapportResponseDto> {
    return this.rapports.answer(user, id, invitationId, body.answer).then(toRapportResponse);
  }

  @Post(':id/attendance')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record attendance: present, excused, absent (coordinators)',
    description: 'At or after the meeting (convened or held). Only for invitees: anyone else is 422 NOT_INVITED naming the entry; nothing is stored then.',
  })
  @ApiOkResponse({ type: RapportResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  attendance(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: RecordAttendanceDto): Promise<RapportResponseDto> {
    return this.rapports.recordAttendance(user, id, body.entries).then(toRapportResponse);
  }
}
