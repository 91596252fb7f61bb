import { Body, Controller, Get, Headers, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NotificationSettingsService, type SettingsView } from '#domain/notifications/notification-settings.service.js';
import { CurrentUser, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { etag, expectedVersion, IF_MATCH_HEADER, withCurrent } from '../common/if-match.js';
import { NotificationSettingsResponseDto, PutNotificationSettingsDto } from './dto/notification.dto.js';

const toResponse = (v: SettingsView): NotificationSettingsResponseDto => ({ channels: v.channels, chosen: v.chosen, mailMode: v.mailMode, version: v.version });

/** The signed-in person's choice of channels per reminder group and of single mails or a daily digest. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-settings')
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Your notification settings (the defaults until you save your own)' })
  @ApiOkResponse({ type: NotificationSettingsResponseDto, description: 'ETag carries the version (for If-Match)' })
  async get(@CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<NotificationSettingsResponseDto> {
    const v = await this.settings.get(user);
    void reply.header('etag', etag(v.version));
    return toResponse(v);
  }

  @Put()
  @SignedIn()
  @ApiOperation({
    summary: 'Set your notification settings',
    description: `Replaces them: \`channels\` per group (a group left out follows the default), and \`mailMode\`. An unknown group
(400 UNKNOWN_REMINDER_GROUP), an unknown channel (400 UNKNOWN_CHANNEL) or a webhook (400 WEBHOOK_NOT_PERSONAL) is refused with
the field. Send the version you read (If-Match or \`version\`; 0 before the first save). Reminders already planned follow the new
choice: one for a channel you turned off is not sent.`,
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: NotificationSettingsResponseDto })
  @ApiProblems(400, 409, 413, 415, 428)
  async put(@CurrentUser() user: AuthenticatedUser, @Body() body: PutNotificationSettingsDto, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<NotificationSettingsResponseDto> {
    const version = expectedVersion(ifMatch, body.version, { required: true });
    const v = await withCurrent(this.settings.put(user, { channels: body.channels, mailMode: body.mailMode }, version), toResponse);
    void reply.header('etag', etag(v.version));
    return toResponse(v);
  }
}
