import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AgencyWebhook } from '#domain/notifications/agency-webhook.entity.js';
import type { WebhookView } from '#domain/notifications/channels/agency-webhooks.service.js';

export class AgencyWebhookResponseDto {
  @ApiProperty() agencyId: string;
  @ApiProperty() url: string;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({
    description: 'The HMAC-SHA256 signing secret (hex). Only in the answer that created or rotated it; store it in the receiver now, it is never shown again.',
  })
  secret?: string;
}

export function toAgencyWebhookResponse(w: AgencyWebhook, secret?: string): AgencyWebhookResponseDto {
  return {
    agencyId: w.agencyId, url: w.url, active: w.active, version: w.version, createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString(),
    ...(secret ? { secret } : {}),
  };
}

export function fromWebhookView(v: WebhookView): AgencyWebhookResponseDto {
  return toAgencyWebhookResponse(v.webhook, v.secret);
}
