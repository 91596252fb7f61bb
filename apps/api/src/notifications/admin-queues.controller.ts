import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '#domain/common/domain-error.js';
import { QueueStatusService } from '#domain/notifications/queue-status.service.js';
import { RemindersService } from '#domain/notifications/reminders.service.js';
import { Roles } from '../auth/access.decorators.js';
import { QueuesOverviewDto } from './dto/notification.dto.js';

/** A read-only view of the job queues and the reminder ledger for admins (issue 9, operations). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/queues')
export class AdminQueuesController {
  constructor(private readonly queues: QueueStatusService, private readonly reminders: RemindersService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Jobs per queue (waiting, active, delayed, failed, completed) and the reminder ledger by state',
    description: `Works on both queue backends. When the queue store does not answer: 503 QUEUE_STORE_UNAVAILABLE, whose problem body
still carries \`backend\` and \`ledger\` (the ledger is in PostgreSQL, the truth; the queue is rebuilt from it).`,
  })
  @ApiOkResponse({ type: QueuesOverviewDto })
  async overview(): Promise<QueuesOverviewDto> {
    const [queues, ledger] = await Promise.all([this.queues.counts(), this.reminders.countsByState()]);
    const backend = this.queues.backendKind;
    if (!queues) {
      throw new DomainError(503, 'QUEUE_STORE_UNAVAILABLE', `The job queue (${backend}) does not answer; the reminder ledger is shown, the queue counts are not.`, undefined, { backend, ledger }).retryAfter(15);
    }
    return { backend, queues, ledger };
  }
}
