import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditService } from '#domain/audit/audit.service.js';
import { Roles } from '../auth/access.decorators.js';
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

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProblems(400)
  async list(@Query() q: ListAuditQueryDto): Promise<AuditPageDto> {
    const page = await this.audit.list(q, pageRequest(q, 'at', 'desc'));
    return { items: page.items.map(toAuditEntryResponse), nextCursor: page.nextCursor };
  }
}
