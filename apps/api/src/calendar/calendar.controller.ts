import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CalendarService } from '#domain/calendar/calendar.service.js';
import { DomainError } from '#domain/common/domain-error.js';
import { CurrentUser, Public, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
/** The global prefix (api-app.factory.ts API_PREFIX) plus this controller's feed route; importing the factory here would be an import cycle. */
const FEED_PREFIX = '/api/v1/calendar/';

/** An iCalendar download (RFC 5545, UTF-8, CRLF). */
function ApiCalendarResponse(description: string): MethodDecorator {
  return ApiOkResponse({ description, content: { 'text/calendar': { schema: { type: 'string' } } } });
}

export class CalendarFeedDto {
  @ApiProperty({ description: 'The secret feed address to subscribe to; shown only now (only its hash is kept)', example: 'https://drogenrapport.example/api/v1/calendar/3q2-7w….ics' })
  url: string;
  @ApiProperty({ description: 'The same address without scheme and host', example: '/api/v1/calendar/3q2-7w….ics' })
  path: string;
}

export class CalendarFeedStatusDto {
  @ApiProperty({ description: 'true while you have a feed address that works' })
  active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the current address was made; null without one' })
  createdAt: string | null;
}

/** Calendar data (issue 8): one meeting as an invitation, and each person's revocable feed. */
@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('rapports/:id/ics')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'One meeting as an iCalendar invitation (text/calendar)',
    description: 'METHOD:REQUEST with the organizer (the coordinator who convened it) and the invitees as attendees (PARTSTAT from their answers); a cancelled meeting is METHOD:CANCEL with STATUS:CANCELLED. UID stays the same; SEQUENCE rises when the meeting is moved, relocated or cancelled. Read like GET /rapports/{id} (others: 404).',
  })
  @ApiCalendarResponse('The meeting as an RFC 5545 calendar with one VEVENT')
  @ApiProblems(400, 404)
  async meeting(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const ics = await this.calendar.meeting(user, id);
    void reply.header('content-type', CALENDAR_TYPE).header('content-disposition', `attachment; filename="rapport-${id}.ics"`);
    return Buffer.from(ics, 'utf8');
  }

  @Get('me/calendar-feed')
  @SignedIn()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Whether you have a personal calendar feed, and since when',
    description: 'The address itself is shown only when it is made (only its hash is kept); a lost address is replaced by regenerating it.',
  })
  @ApiOkResponse({ type: CalendarFeedStatusDto })
  async feedStatus(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedStatusDto> {
    const s = await this.calendar.feedStatus(user);
    return { active: s.active, createdAt: s.createdAt?.toISOString() ?? null };
  }

  @Post('me/calendar-feed')
  @SignedIn()
  @ApiBearerAuth()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create or regenerate your personal calendar feed',
    description: 'Returns the secret feed address once; any earlier address stops working at once. Anyone holding the address reads your meetings and measures, so treat it like a password.',
  })
  @ApiCreatedResponse({ type: CalendarFeedDto })
  async createFeed(@CurrentUser() user: AuthenticatedUser, @Req() req: FastifyRequest): Promise<CalendarFeedDto> {
    const path = `${FEED_PREFIX}${await this.calendar.createFeedToken(user)}.ics`;
    return { url: `${req.protocol}://${req.host}${path}`, path };
  }

  @Delete('me/calendar-feed')
  @SignedIn()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Your feed address no longer works (also when there was none)' })
  async revokeFeed(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.calendar.revokeFeedToken(user);
  }

  @Get('calendar/:file')
  @Public()
  @ApiParam({ name: 'file', description: 'The secret token followed by .ics', example: '3q2-7w….ics' })
  @ApiOperation({
    summary: 'Your personal calendar feed (no bearer token: the secret address is the key)',
    description: 'The meetings you are invited to (VEVENT; cancelled ones with STATUS:CANCELLED) and the measures you are responsible for (VTODO with DUE); nothing else. A wrong, revoked or never-issued address is the same 404 CALENDAR_FEED_NOT_FOUND.',
  })
  @ApiCalendarResponse('Your meetings and measures as an RFC 5545 calendar')
  @ApiProblems(400, 404, 503)
  async feed(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    // Whatever is not "<token>.ics" is a wrong token: the same error, from the same constructor.
    if (!file.endsWith('.ics')) throw DomainError.notFound('calendar feed', 'token');
    const ics = await this.calendar.feed(file.slice(0, -'.ics'.length));
    void reply.header('content-type', CALENDAR_TYPE).header('cache-control', 'private, no-store');
    return Buffer.from(ics, 'utf8');
  }
}
