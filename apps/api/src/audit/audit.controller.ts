import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditService } from '#domain/audit/audit.service.js';
import { CurrentUser, Roles } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { pageRequest } from '../common/page-query.dto.js';
import { AuditPageDto, toAuditEntryResponse } from './audit-entry.mapper.js';
import { ListAuditQueryDto } from './dto/list-audit-query.dto.js';

/** Read-only on purpose: there is no route that changes or deletes an audit entry. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /**
   * Visibility applies as for the records themselves: an entry about a record you may not see
   * shows who, when, which action and which kind of record only (`restricted: true`, `entityId`
   * and `changes` null), and a filter by `entityId` never finds it.
   */
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProblems(400)
  async list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListAuditQueryDto): Promise<AuditPageDto> {
    const page = await this.audit.list(user, { ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined }, pageRequest(q, 'at', 'desc'));
    return { items: page.items.map(toAuditEntryResponse), nextCursor: page.nextCursor };
  }
}
