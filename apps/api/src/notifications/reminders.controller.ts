import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RemindersService } from '#domain/notifications/reminders.service.js';
import { CurrentUser, Roles } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { pageRequest } from '../common/page-query.dto.js';
import { ListRemindersQueryDto, ReminderPageDto, ReminderResponseDto } from './dto/notification.dto.js';
import { toReminderResponse } from './notification.mapper.js';

/** The reminder ledger for coordinators and admins: failed deliveries and their retry (issue 9). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @Roles('coordinator', 'admin')
  @ApiOperation({
    summary: 'Reminders in one state (default: failed), most recently changed first',
    description: 'What, about which record (type and id), to whom, by which channel, when due, how many attempts and the last error code. No text of the reminder.',
  })
  @ApiOkResponse({ type: ReminderPageDto })
  @ApiProblems(400)
  async list(@Query() q: ListRemindersQueryDto): Promise<ReminderPageDto> {
    const page = await this.reminders.list({ state: q.state ?? 'failed' }, { ...pageRequest(q, 'updatedAt', 'desc'), sort: 'updatedAt' });
    return { items: page.items.map(toReminderResponse), nextCursor: page.nextCursor };
  }

  @Post(':id/retry')
  @Roles('coordinator', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed reminder again', description: 'failed -> pending with its attempts reset; the worker delivers it. Any other state: 409 REMINDER_NOT_FAILED with `currentState`.' })
  @ApiOkResponse({ type: ReminderResponseDto })
  @ApiProblems(400, 404, 409)
  async retry(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<ReminderResponseDto> {
    return toReminderResponse(await this.reminders.retry(user, id));
  }
}
