import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EscalationsService } from '#domain/escalations/escalations.service.js';
import { MeasureDashboardService } from '#domain/measures/measure-dashboard.service.js';
import { RapportsService } from '#domain/rapports/rapports.service.js';
import { CurrentUser, Roles } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { DashboardResponseDto, toDashboardResponse } from './dashboard.mapper.js';
import { DashboardQueryDto } from './dto/dashboard-query.dto.js';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: MeasureDashboardService, private readonly escalations: EscalationsService, private readonly rapports: RapportsService) {}

  @Get()
  @Roles('leadership', 'coordinator')
  @ApiOperation({
    summary: 'Leadership view: measures per owning agency, overdue, due soon, completion rate, key figures, displacement flags',
    description: `Per owning agency: measures by status, overdue (with the most days overdue), deadlines in the next 14 days,
completion rate in the period (of the measures not cancelled whose deadline falls in [from, to], the share done), and
key figures on/off track / no data for **your agency's view** (developments you may not see are not counted). Key-figure
results are kept per agency and become stale when a development or the definition changes: up to 10 stale ones are
recomputed within the request; when there are more, the last results are shown at once (counted in \`stale\`) and a
background refresh catches up (\`keyFigureFreshness\`). Lists: the 100 most overdue measures,
the next 100 deadlines, and the measures whose key figures the displacement watch flagged (see GET /measures/{id}/key-figures).
Filters: districtId (the measure names the district or one of its places), rapportId.
Also: the open escalations (proposed or convened) you may read, with the newest five, and the extended rapports you may
read with their measures by status (both not narrowed by the filters).`,
  })
  @ApiOkResponse({ type: DashboardResponseDto })
  @ApiProblems(400)
  async get(@CurrentUser() user: AuthenticatedUser, @Query() q: DashboardQueryDto): Promise<DashboardResponseDto> {
    const [d, openEscalations, extendedRapports] = await Promise.all([
      this.dashboard.dashboard(user, q), this.escalations.openSummary(user, 5), this.rapports.extendedSummaries(user),
    ]);
    return toDashboardResponse(d, { openEscalations, extendedRapports });
  }
}
