import { ApiProperty } from '@nestjs/swagger';
import type { AuditAction } from '#domain/audit/audit-entry.entity.js';
import type { AuditEntryView } from '#domain/audit/audit.service.js';
import { PageOf } from '../common/page.dto.js';

export const AUDIT_ACTIONS = ['create', 'update', 'deactivate', 'reactivate', 'read', 'export', 'login', 'logout', 'password_change', 'withdraw', 'confirm_access', 'delete'] as const satisfies readonly AuditAction[];

export class AuditEntryResponseDto {
  @ApiProperty({ description: 'Ascending number (bigint, as a string)' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the system (worker, migration)' }) actorId: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: AuditAction;
  @ApiProperty({ example: 'development' }) entityType: string;
  @ApiProperty({ type: String, nullable: true, description: 'null when the entry is about a record you may not see' }) entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Field -> {old, new}; free-text fields only {changed: true}; null when the entry is about a record you may not see' }) changes: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ description: 'true: the entry is about a record you may not see; only who, when, the action and the kind of record are shown' }) restricted: boolean;
}

export class AuditPageDto extends PageOf(AuditEntryResponseDto) {}

export function toAuditEntryResponse(e: AuditEntryView): AuditEntryResponseDto {
  return { id: e.id, at: e.at.toISOString(), actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, changes: e.changes, requestId: e.requestId, restricted: e.restricted };
}
