import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InboxService } from '#domain/notifications/inbox.service.js';
import { CurrentUser, SignedIn } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { pageRequest } from '../common/page-query.dto.js';
import { ListNotificationsQueryDto, MarkedReadDto, NotificationPageDto, NotificationResponseDto, UnreadCountDto } from './dto/notification.dto.js';
import { toNotificationResponse } from './notification.mapper.js';

/** The signed-in person's in-app inbox (issue 9): only their own notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Your notifications: unread first, then newest', description: 'Keyset-paged (`cursor` from `nextCursor`). `unread=true` lists only the unread ones.' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblems(400)
  async list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    const page = await this.inbox.list(user, { unread: q.unread }, { ...pageRequest(q, 'inbox', 'desc'), sort: 'inbox' });
    return { items: page.items.map(toNotificationResponse), nextCursor: page.nextCursor };
  }

  @Get('unread-count')
  @SignedIn()
  @ApiOperation({ summary: 'How many of your notifications are unread' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCountDto> {
    return { unread: await this.inbox.unreadCount(user) };
  }

  @Post('read-all')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your notifications as read' })
  @ApiOkResponse({ type: MarkedReadDto })
  async readAll(@CurrentUser() user: AuthenticatedUser): Promise<MarkedReadDto> {
    return { marked: await this.inbox.markAllRead(user) };
  }

  @Post(':id/read')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notifications as read', description: "Someone else's notification is 404, like one that does not exist." })
  @ApiOkResponse({ type: NotificationResponseDto })
  @ApiProblems(400, 404)
  async read(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<NotificationResponseDto> {
    return toNotificationResponse(await this.inbox.markRead(user, id));
  }
}
