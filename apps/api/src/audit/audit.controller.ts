import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditService } from '#domain/audit/audit.service.js';
import { Roles } from '../auth/access.decorators.js';
import { pageRequest } from '../common/page-query.dto.js';
import { ListAuditQueryDto } from './dto/list-audit-query.dto.js';

/** Read-only on purpose: there is no route that changes or deletes an audit entry. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  async list(@Query() q: ListAuditQueryDto) {
    const page = await this.audit.list({ ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined }, pageRequest(q, 'at', 'desc'));
    return {
      items: page.items.map((e) => ({
        id: e.id, at: e.at.toISOString(), actorId: e.actorId, action: e.action,
        entityType: e.entityType, entityId: e.entityId, changes: e.changes, requestId: e.requestId,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
