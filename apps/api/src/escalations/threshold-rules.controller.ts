import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ThresholdRulesService } from '#domain/escalations/threshold-rules.service.js';
import { CurrentUser, Roles } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { etag, expectedVersion, IF_MATCH_HEADER, withCurrent } from '../common/if-match.js';
import { pageRequest } from '../common/page-query.dto.js';
import { CreateThresholdRuleDto, ListThresholdRulesQueryDto, UpdateThresholdRuleDto } from './dto/escalation.dto.js';
import { ThresholdRulePageDto, ThresholdRuleResponseDto, toThresholdRuleResponse } from './escalation.mapper.js';

const RULE_DOC = `The worker evaluates active rules when a development is logged and every 15 minutes. A rule counts
all developments (not withdrawn) of its categories in its scope whose observedAt lies in the window (now - windowDays, now]:
minCount fires at that many or more; risePercent fires when the window holds at least that many percent more than the
window before (which must hold at least one). A breach proposes one escalation per rule and scope while it is open.`;

@ApiTags('escalations')
@ApiBearerAuth()
@Controller('threshold-rules')
export class ThresholdRulesController {
  constructor(private readonly rules: ThresholdRulesService) {}

  @Post()
  @Roles('coordinator')
  @ApiOperation({ summary: 'Create a threshold rule', description: RULE_DOC })
  @ApiCreatedResponse({ type: ThresholdRuleResponseDto })
  @ApiProblems(400, 413, 415, 422)
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateThresholdRuleDto): Promise<ThresholdRuleResponseDto> {
    return toThresholdRuleResponse(await this.rules.create(user, body));
  }

  @Get()
  @Roles('coordinator', 'leadership')
  @ApiOkResponse({ type: ThresholdRulePageDto })
  @ApiProblems(400)
  async list(@Query() q: ListThresholdRulesQueryDto): Promise<ThresholdRulePageDto> {
    const page = await this.rules.list({ active: q.active }, pageRequest(q, 'createdAt'));
    return { items: page.items.map(toThresholdRuleResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('coordinator', 'leadership')
  @ApiOkResponse({ type: ThresholdRuleResponseDto, description: 'ETag carries the version (for If-Match)' })
  @ApiProblems(400, 404)
  async get(@Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ThresholdRuleResponseDto> {
    const rule = await this.rules.get(id);
    void reply.header('etag', etag(rule.version));
    return toThresholdRuleResponse(rule);
  }

  @Patch(':id')
  @Roles('coordinator')
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOperation({ summary: 'Change a threshold rule (send the version you read)', description: 'The rule is checked as a whole after the change; to switch from minCount to risePercent send risePercent and minCount: null.' })
  @ApiOkResponse({ type: ThresholdRuleResponseDto })
  @ApiProblems(400, 404, 409, 413, 415, 422, 428)
  update(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdateThresholdRuleDto, @Headers('if-match') ifMatch?: string): Promise<ThresholdRuleResponseDto> {
    const { version, ...patch } = body;
    return withCurrent(this.rules.update(user, id, patch, expectedVersion(ifMatch, version, { required: true })), toThresholdRuleResponse).then(toThresholdRuleResponse);
  }

  @Post(':id/deactivate')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a threshold rule: no longer evaluated; its proposals stay' })
  @ApiOkResponse({ type: ThresholdRuleResponseDto })
  @ApiProblems(400, 404)
  async deactivate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string): Promise<ThresholdRuleResponseDto> {
    return toThresholdRuleResponse(await this.rules.deactivate(user, id));
  }
}
