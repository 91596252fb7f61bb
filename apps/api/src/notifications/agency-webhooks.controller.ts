import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AgencyWebhook } from '#domain/notifications/agency-webhook.entity.js';
import { AgencyWebhooksService } from '#domain/notifications/channels/agency-webhooks.service.js';
import { CurrentUser, Roles } from '../auth/access.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { UuidParamPipe } from '../common/id-param.pipe.js';
import { etag, expectedVersion, IF_MATCH_HEADER, withCurrent } from '../common/if-match.js';
import { AgencyWebhookResponseDto, fromWebhookView, toAgencyWebhookResponse } from './agency-webhook.mapper.js';
import { PutAgencyWebhookDto, WebhookVersionDto } from './dto/agency-webhook.dto.js';

const WHO = "Admins for every agency; an agency's leadership for its own.";
const SIGNING =
  'Each reminder is POSTed as JSON {id, kind, title, text, link, dueAt, sentAt} with the headers X-Drogenrapport-Timestamp (unix seconds), ' +
  'X-Drogenrapport-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)> and X-Drogenrapport-Delivery (the reminder id, the same on every retry). ' +
  '2xx counts as delivered; 5xx, 408, 429 and timeouts are retried with backoff; other answers are final.';

/** An agency's optional webhook (issue 9): where its reminders are POSTed, signed. */
@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies/:id/webhook')
export class AgencyWebhooksController {
  constructor(private readonly webhooks: AgencyWebhooksService) {}

  @Get()
  @Roles('admin', 'leadership')
  @ApiOperation({ summary: "The agency's webhook (without its secret)", description: WHO })
  @ApiOkResponse({ type: AgencyWebhookResponseDto, description: 'ETag carries the version (for If-Match)' })
  @ApiProblems(400, 404)
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<AgencyWebhookResponseDto> {
    const hook = await this.webhooks.get(user, id);
    void reply.header('etag', etag(hook.version));
    return toAgencyWebhookResponse(hook);
  }

  @Put()
  @Roles('admin', 'leadership')
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOperation({ summary: 'Set up or change the webhook', description: `${WHO} Creating answers 201 with the signing secret, shown only this once; changing needs the version read (428 without, 409 when stale). ${SIGNING}` })
  @ApiCreatedResponse({ type: AgencyWebhookResponseDto, description: 'Created; `secret` is in this answer only' })
  @ApiOkResponse({ type: AgencyWebhookResponseDto, description: 'Changed (no secret)' })
  @ApiProblems(400, 404, 409, 413, 415, 428)
  async put(
    @CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: PutAgencyWebhookDto,
    @Res({ passthrough: true }) reply: FastifyReply, @Headers('if-match') ifMatch?: string,
  ): Promise<AgencyWebhookResponseDto> {
    const { version, ...input } = body;
    const view = await withCurrent(this.webhooks.put(user, id, input, expectedVersion(ifMatch, version)), (c: AgencyWebhook) => toAgencyWebhookResponse(c));
    void reply.status(view.secret ? 201 : 200).header('etag', etag(view.webhook.version));
    return fromWebhookView(view);
  }

  @Post('rotate-secret')
  @Roles('admin', 'leadership')
  @HttpCode(200)
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOperation({ summary: 'Replace the signing secret', description: `${WHO} The new secret is in this answer only; the old one stops working at once.` })
  @ApiOkResponse({ type: AgencyWebhookResponseDto, description: 'With the new `secret`' })
  @ApiProblems(400, 404, 409, 413, 415)
  async rotate(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Body() body: WebhookVersionDto, @Headers('if-match') ifMatch?: string): Promise<AgencyWebhookResponseDto> {
    return fromWebhookView(await withCurrent(this.webhooks.rotateSecret(user, id, expectedVersion(ifMatch, body?.version)), (c: AgencyWebhook) => toAgencyWebhookResponse(c)));
  }

  @Delete()
  @Roles('admin', 'leadership')
  @HttpCode(204)
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOperation({ summary: 'Remove the webhook', description: `${WHO} Its pending deliveries are withdrawn.` })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(400, 404, 409)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param('id', UuidParamPipe) id: string, @Headers('if-match') ifMatch?: string): Promise<void> {
    await withCurrent(this.webhooks.remove(user, id, expectedVersion(ifMatch, undefined)), (c: AgencyWebhook) => toAgencyWebhookResponse(c));
  }
}
